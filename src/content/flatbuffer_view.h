// FlatBufferView: bounds-checked reads of FlatBuffers tables, vectors and strings, enough to walk
// the Arrow IPC footer and messages without the FlatBuffers library or generated code. Every
// accessor returns false (never reads out of bounds) when an offset points outside the buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cg {

class FlatBufferView {
 public:
  explicit FlatBufferView(std::string_view data) : data_(data) {}

  struct Table {
    size_t pos = 0;
    size_t vtable = 0;
    uint16_t vtable_size = 0;
  };

  // The root table: a uoffset at the start of the buffer.
  bool Root(Table* t) const {
    uint32_t off;
    return U32(0, &off) && TableAt(off, t);
  }
  // Position of field `index`, or 0 when absent (fields default).
  size_t Field(const Table& t, int index) const {
    const size_t entry = 4 + 2 * static_cast<size_t>(index);
    uint16_t off = 0;
    if (entry + 2 > t.vtable_size || !U16(t.vtable + entry, &off) || off == 0) return 0;
    return t.pos + off;
  }
  // Follows the uoffset stored at `field` to a table.
  bool TableField(const Table& t, int index, Table* out) const {
    size_t target;
    return Deref(Field(t, index), &target) && TableAt(target, out);
  }
  // A vector field: element count and the position of element 0.
  bool VectorField(const Table& t, int index, uint32_t* n, size_t* first) const {
    size_t target;
    if (!Deref(Field(t, index), &target) || !U32(target, n)) return false;
    *first = target + 4;
    return true;
  }
  bool StringField(const Table& t, int index, std::string* s) const {
    uint32_t n;
    size_t first;
    if (!VectorField(t, index, &n, &first) || n > data_.size() || first > data_.size() - n) return false;
    s->assign(data_.substr(first, n));
    return true;
  }
  // Element `i` of a vector of tables starting at `first`.
  bool TableElement(size_t first, uint32_t i, Table* out) const {
    size_t target;
    return Deref(first + 4 * static_cast<size_t>(i), &target) && TableAt(target, out);
  }

  bool U8(size_t pos, uint8_t* v) const { return Raw(pos, v, 1); }
  bool U16(size_t pos, uint16_t* v) const { return Raw(pos, v, 2); }
  bool U32(size_t pos, uint32_t* v) const { return Raw(pos, v, 4); }
  bool I64(size_t pos, int64_t* v) const { return Raw(pos, v, 8); }

 private:
  // Little-endian host assumed (x86-64, arm64), as FlatBuffers itself does for direct access.
  bool Raw(size_t pos, void* out, size_t n) const {
    if (pos == 0 && n != 4) return false;  // field position 0 means "absent"
    if (pos > data_.size() || n > data_.size() - pos) return false;
    std::memcpy(out, data_.data() + pos, n);
    return true;
  }
  bool Deref(size_t field, size_t* target) const {
    uint32_t off;
    if (field == 0 || !U32(field, &off)) return false;
    *target = field + off;
    return *target < data_.size();
  }
  bool TableAt(size_t pos, Table* t) const {
    uint32_t soff;
    if (!U32(pos, &soff)) return false;
    const int64_t vtable = static_cast<int64_t>(pos) - static_cast<int32_t>(soff);
    if (vtable < 0 || static_cast<uint64_t>(vtable) >= data_.size()) return false;
    t->pos = pos;
    t->vtable = static_cast<size_t>(vtable);
    return U16(t->vtable, &t->vtable_size) && t->vtable_size >= 4 && t->vtable + t->vtable_size <= data_.size();
  }

  std::string_view data_;
};

}  // namespace cg
