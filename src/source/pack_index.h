// PackIndex: a pack (.pack + .idx, version 1 or 2) mapped read-only, listing its objects in
// pack-offset order with their types, from the entry headers alone (nothing is inflated).
//
// The pack is read with pread() through a small window, never mapped whole: a 500 MB pack does
// not become 500 MB of resident memory. Reading objects in offset order is what makes a full-history scan fast: delta bases come before
// the deltas that use them, so libgit2's delta-base cache stays warm (git cat-file --unordered
// does the same). A delta's type is its base's type: OFS_DELTA bases always lie earlier in the
// pack, REF_DELTA bases are looked up in the index. An entry whose type cannot be told from the
// pack alone (REF_DELTA against an object outside the pack, malformed header) is listed with
// type GIT_OBJECT_INVALID; the caller asks the ODB about it and reports what it says.
// Thread-safety: immutable after Open(); safe to share.
#pragma once

#include <git2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace cg {

struct PackedObject {
  git_oid id;
  uint64_t offset = 0;
  git_object_t type = GIT_OBJECT_INVALID;  // for deltas: the type at the end of the chain
  int64_t size = -1;               // inflated size when stored whole; -1 for deltas
  uint64_t stored_size = 0;        // inflated size of what the entry stores (object or delta)
  int64_t base = -1;               // deltas: position of the base in objects(), -1 if outside
  uint8_t header_len = 0;          // bytes before the zlib stream
  bool is_delta = false;
};

class PackIndex {
 public:
  // `idx_path` names the .idx; the .pack beside it is opened too. Errors name the file.
  static Expected<std::unique_ptr<PackIndex>> Open(const std::string& idx_path);
  ~PackIndex();
  PackIndex(const PackIndex&) = delete;
  PackIndex& operator=(const PackIndex&) = delete;

  // Every object of the pack, in increasing offset order.
  const std::vector<PackedObject>& objects() const { return objects_; }
  const std::string& pack_path() const { return pack_path_; }
  // The position in objects() of the object with this raw id, or -1 when the pack lacks it.
  int64_t Position(const unsigned char* raw_id) const;
  int64_t Position(const git_oid& id) const { return Position(id.id); }
  // The pack file, open for pread() by any thread.
  int fd() const { return fd_; }
  // One past the last byte of the entry at `position` (where the next entry or the trailer starts).
  uint64_t EntryEnd(size_t position) const {
    return position + 1 < objects_.size() ? objects_[position + 1].offset : pack_size_ - 20;
  }

 private:
  PackIndex() = default;
  Status ParseIndex(const std::string& idx_path, const unsigned char* idx, size_t idx_size);
  Status ResolveTypes();

  std::string pack_path_;
  int fd_ = -1;
  uint64_t pack_size_ = 0;
  std::vector<PackedObject> objects_;       // offset order
  std::vector<uint32_t> by_id_;             // positions in objects_, in id order (idx order)
};

// The .idx files of every pack of the object directory `objects_dir` and of its alternates
// (objects/info/alternates, followed recursively), in the order git would search them.
std::vector<std::string> FindPackIndexes(const std::string& objects_dir);

}  // namespace cg
