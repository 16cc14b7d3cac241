// NameSet: an insert-only set of file and folder names in one flat table (open addressing,
// linear probing), the names themselves kept end to end in one buffer.
//
// Why not std::unordered_set<std::string>: the history walk asks "met this name before?" once per
// entry of every distinct tree (tens of millions of times on git/git, almost always "yes"), and a
// node-based set pays a miss for the bucket, the node and the string; that was ~15% of a
// `scan --history` of git/git (perf, 2026-12-03). Here a question is one probe into a contiguous
// array of (hash, offset, length) and one comparison of the name's bytes when the hashes agree.
// Thread-safety: none; one owner.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

class NameSet {
 public:
  // True when `name` was not in the set (it is now).
  bool Insert(std::string_view name) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = Hash(name);
    size_t i = static_cast<size_t>(h) & mask_;
    while (slots_[i].hash != 0) {
      if (slots_[i].hash == h && Equal(slots_[i], name)) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = {h, static_cast<uint64_t>(bytes_.size()), name.size()};
    bytes_.append(name);
    ++size_;
    return true;
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash;  // 0: empty
    uint64_t offset;
    size_t length;
  };
  static uint64_t Hash(std::string_view s) {
    uint64_t h = std::hash<std::string_view>()(s);
    return h == 0 ? 1 : h;
  }
  bool Equal(const Slot& s, std::string_view name) const {
    return s.length == name.size() && std::memcmp(bytes_.data() + s.offset, name.data(), name.size()) == 0;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    size_t n = old.empty() ? 1024 : old.size() * 2;
    slots_.assign(n, Slot{0, 0, 0});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = static_cast<size_t>(s.hash) & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string bytes_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace cg
