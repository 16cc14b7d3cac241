// PackReader: reads whole objects straight from a pack, for the --history bulk read.
//
// Why not libgit2: libgit2 shares one pack handle per file across every git_repository in the
// process and serialises reads on it, so two worker threads get barely more than one core (see
// README "Full-history performance"). A PackReader belongs to one worker thread, inflates with
// libdeflate (the inflated size is in the entry header, so one call fills an exact buffer),
// applies git deltas itself and keeps the objects it inflated in a byte-bounded LRU cache, so a
// delta chain walked in pack order finds its base already there.
//
// Objects are returned as shared immutable strings: the cache and the caller's stream share
// them without a copy. Hashes are not verified (neither does `git cat-file`).
// Thread-safety: one PackReader per thread; the PackIndex it reads may be shared.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "source/pack_index.h"

struct libdeflate_decompressor;

namespace cg {

class PackReader {
 public:
  // `cache_bytes` bounds the inflated objects kept for delta resolution.
  PackReader(std::shared_ptr<const PackIndex> pack, size_t cache_bytes);
  ~PackReader();
  PackReader(const PackReader&) = delete;
  PackReader& operator=(const PackReader&) = delete;

  // The content of the object at `position` in pack->objects(). NotFound when a delta base
  // lies outside this pack (thin packs); Corrupt, naming the pack and offset, for bad data.
  Expected<std::shared_ptr<const std::string>> Read(size_t position);

 private:
  using Bytes = std::shared_ptr<const std::string>;
  Expected<std::string> InflateEntry(size_t position);
  Bytes CacheFind(size_t position);
  void CacheAdd(size_t position, Bytes bytes);
  Status Corrupt(size_t position, const std::string& what) const;

  std::shared_ptr<const PackIndex> pack_;
  libdeflate_decompressor* inflater_;
  std::vector<unsigned char> compressed_;
  size_t cache_limit_;
  size_t cache_bytes_ = 0;
  std::list<std::pair<size_t, Bytes>> lru_;  // front: most recently used
  std::unordered_map<size_t, std::list<std::pair<size_t, Bytes>>::iterator> cache_;
};

// Applies a git delta (copy/insert instructions) to `base`. Corrupt when the delta does not
// match the base or is malformed. Pure; exposed for tests.
Expected<std::string> ApplyGitDelta(const std::string& base, const unsigned char* delta, size_t delta_size);

}  // namespace cg
