// PackIndex: a pack (.pack + .idx, version 1 or 2) mapped read-only, listing its objects in
// pack-offset order with their types, from the entry headers alone (nothing is inflated).
//
// Reading objects in offset order is what makes a full-history scan fast: delta bases come before
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
  git_object_t type = GIT_OBJECT_INVALID;
  int64_t size = -1;  // inflated size when stored whole; -1 for deltas
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

 private:
  PackIndex() = default;
  Status ParseIndex(const std::string& idx_path);
  void ResolveTypes();

  std::string pack_path_;
  const unsigned char* idx_ = nullptr;
  size_t idx_size_ = 0;
  const unsigned char* pack_ = nullptr;
  size_t pack_size_ = 0;
  std::vector<PackedObject> objects_;       // offset order
  std::vector<uint32_t> by_id_;             // positions in objects_, in id order (idx order)
};

// The .idx files of every pack of the object directory `objects_dir` and of its alternates
// (objects/info/alternates, followed recursively), in the order git would search them.
std::vector<std::string> FindPackIndexes(const std::string& objects_dir);

}  // namespace cg
