// IdSet: a custodian's list of participant ids as a keyed-hash set, for leak attribution by exact
// id match (the Exact Data Match idea: the custodian hashes, the scanner compares hashes).
//
// Each id is normalised (NormaliseId) and hashed with HMAC-SHA256 under a secret key; the first
// 8 bytes of the MAC (big-endian) are kept, sorted and de-duplicated. Without the key the plain
// ids cannot be recovered, not even by enumerating the small id space (7-digit eids). The key is
// never stored in the file: a key check (the MAC of a fixed string) lets the scanner tell a
// wrong key from a disjoint set.
//
// File format (.cgid), all integers big-endian:
//   offset 0   8 bytes  magic "CGIDSET\x01"
//          8   u32      hash bytes per entry (8)
//         12   u32      label length L (1..256)
//         16   u64      entry count N
//         24   8 bytes  key check: HMAC-SHA256(key, "cohortguard idset key check v1")[0..8)
//         32   L bytes  label (UTF-8, e.g. "APP12345")
//       32+L   N*8      entries, strictly increasing
// Nothing follows the entries. A 500,000-id set is 4 MB.
//
// False matches: with 64-bit entries, checking a billion cells against a million-id set expects
// about 5e-5 accidental hits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/evp.h>

#include "core/status.h"

namespace cg {

// Trims ASCII blanks (and CR) and one pair of surrounding double quotes: the form an id takes
// both in the custodian's list and in a table cell.
std::string_view NormaliseId(std::string_view cell);

// Reads a key file: its bytes with trailing blanks and newlines removed (so `openssl rand -hex
// 32 > key` works). Errors name the file; keys shorter than 16 bytes are refused.
Expected<std::string> ReadIdSetKey(const std::string& path);

// HMAC-SHA256 under one key, truncated to 64 bits. The key's inner and outer pads are absorbed
// once, so hashing an id costs two SHA-256 finalisations. Not thread-safe (scratch context):
// use one per thread, or Clone().
class IdHasher {
 public:
  explicit IdHasher(std::string_view key);
  ~IdHasher();
  IdHasher(const IdHasher&) = delete;
  IdHasher& operator=(const IdHasher&) = delete;
  // Hash of the normalised id.
  uint64_t Hash(std::string_view id);
  // The key check stored in set files.
  uint64_t KeyCheck();

 private:
  uint64_t Mac(std::string_view data);  // HMAC-SHA256, first 8 bytes big-endian
  EVP_MD_CTX* inner_;
  EVP_MD_CTX* outer_;
  EVP_MD_CTX* scratch_;
};

class IdSet {
 public:
  // Hashes `ids` (blank lines ignored) under `key`.
  static Expected<IdSet> Build(std::string label, std::string_view key, const std::vector<std::string>& ids);
  // Reads a .cgid file and checks it was built with `key` (errors name the file).
  static Expected<IdSet> Load(const std::string& path, std::string_view key);
  // Reads and validates a .cgid file without checking the key (enough for its label and size).
  static Expected<IdSet> Read(const std::string& path);
  Status Save(const std::string& path) const;

  const std::string& label() const { return label_; }
  size_t size() const { return entries_.size(); }
  uint64_t key_check() const { return key_check_; }
  // Position of `hash` in the set, or -1.
  int64_t Find(uint64_t hash) const;
  const std::vector<uint64_t>& entries() const { return entries_; }

 private:
  std::string label_;
  uint64_t key_check_ = 0;
  std::vector<uint64_t> entries_;  // sorted, unique
};

// One set's result for one table.
struct IdSetMatch {
  std::string label;
  uint64_t matched = 0;  // distinct ids of the set found
  uint64_t size = 0;     // ids in the set
};

// "4,812"
std::string GroupThousands(uint64_t n);

// Several sets sharing one key: what `scan --idset` / `sweep --idset` load. Read-only after
// construction and safe to share between threads (each thread hashes with its own IdHasher).
class IdSetCollection {
 public:
  // Loads each file; every set must have been built with `key`.
  static Expected<IdSetCollection> Load(const std::vector<std::string>& paths, const std::string& key);
  const std::vector<IdSet>& sets() const { return sets_; }
  const std::string& key() const { return key_; }
  bool empty() const { return sets_.empty(); }
  // A short digest of labels, key checks and entries: changes when the sets change.
  std::string Digest() const;

 private:
  std::string key_;
  std::vector<IdSet> sets_;
};

// What --idset FILE... --idset-key KEY load: no sets without a key is fine (empty); sets without
// a key, or a key without sets, is a usage error.
Expected<IdSetCollection> LoadIdSetOptions(const std::vector<std::string>& paths, const std::string& key_path);

}  // namespace cg
