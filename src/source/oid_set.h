// OidSet: an insert-only set of object ids in one flat table (open addressing, linear probing).
//
// Why not std::unordered_set: the history walk asks "seen this id?" once per entry of every
// distinct tree, tens of millions of times on git/git, and a node-based set pays two or three
// cache misses per question (bucket, node, next node); here it is one probe into a contiguous
// array. Ids are already uniformly distributed, so their first 8 bytes are the hash; an empty
// slot holds the all-zero id (which git never names an object by, but is tracked apart anyway).
// Thread-safety: none; one owner.
#pragma once

#include <git2.h>

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace cg {

class OidSet {
 public:
  // True when `id` was not in the set (it is now).
  bool Insert(const git_oid& id) {
    if (IsZero(id)) return !std::exchange(has_zero_, true);
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Slot(id);
    while (!IsZero(slots_[i])) {
      if (std::memcmp(slots_[i].id, id.id, GIT_OID_RAWSZ) == 0) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = id;
    ++size_;
    return true;
  }
  bool Contains(const git_oid& id) const {
    if (IsZero(id)) return has_zero_;
    if (slots_.empty()) return false;
    for (size_t i = Slot(id); !IsZero(slots_[i]); i = (i + 1) & mask_)
      if (std::memcmp(slots_[i].id, id.id, GIT_OID_RAWSZ) == 0) return true;
    return false;
  }
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

 private:
  static bool IsZero(const git_oid& id) {
    static constexpr git_oid kZero{};
    return std::memcmp(id.id, kZero.id, GIT_OID_RAWSZ) == 0;
  }
  size_t Slot(const git_oid& id) const {
    uint64_t h;
    std::memcpy(&h, id.id, sizeof h);
    return static_cast<size_t>(h) & mask_;
  }
  void Grow() {
    std::vector<git_oid> old = std::move(slots_);
    size_t n = old.empty() ? 1024 : old.size() * 2;
    slots_.assign(n, git_oid{});
    mask_ = n - 1;
    size_ = 0;
    for (const git_oid& id : old)
      if (!IsZero(id)) Insert(id);
  }

  std::vector<git_oid> slots_;
  bool has_zero_ = false;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace cg
