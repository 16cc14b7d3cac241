#include "content/thrift_compact.h"

namespace cg {

bool ThriftCompactReader::Varint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= data_.size()) return Fail();
    const auto b = static_cast<unsigned char>(data_[pos_++]);
    result |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      *v = result;
      return true;
    }
  }
  return Fail();
}

bool ThriftCompactReader::ZigZag(int64_t* v) {
  uint64_t u;
  if (!Varint(&u)) return false;
  *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  return true;
}

bool ThriftCompactReader::FieldHeader(int* type, int16_t* id) {
  if (depth_ <= 0 || depth_ > kMaxDepth) return Fail();
  if (pos_ >= data_.size()) return Fail();
  const auto b = static_cast<unsigned char>(data_[pos_++]);
  *type = b & 0x0f;
  if (*type == kStop) return true;
  int16_t& last = last_field_[depth_ - 1];
  if (b >> 4) {
    *id = static_cast<int16_t>(last + (b >> 4));
  } else {
    int64_t v;
    if (!ZigZag(&v)) return false;
    *id = static_cast<int16_t>(v);
  }
  last = *id;
  return true;
}

bool ThriftCompactReader::ListHeader(int* elem_type, uint32_t* size) {
  if (pos_ >= data_.size()) return Fail();
  const auto b = static_cast<unsigned char>(data_[pos_++]);
  *elem_type = b & 0x0f;
  uint64_t n = b >> 4;
  if (n == 15 && !Varint(&n)) return false;
  // Every element takes at least one byte (booleans, bytes); longer lists cannot be real.
  if (n > remaining()) return Fail();
  *size = static_cast<uint32_t>(n);
  return true;
}

bool ThriftCompactReader::Binary(std::string* s) {
  uint64_t n;
  if (!Varint(&n)) return false;
  if (n > remaining()) return Fail();
  s->assign(data_.substr(pos_, n));
  pos_ += n;
  return true;
}

bool ThriftCompactReader::Skip(int type) {
  if (depth_ >= kMaxDepth) return Fail();
  switch (type) {
    case kTrue: case kFalse: return true;  // value lives in the field header
    case kByte:
      if (pos_ >= data_.size()) return Fail();
      ++pos_;
      return true;
    case kI16: case kI32: case kI64: {
      uint64_t v;
      return Varint(&v);
    }
    case kDouble:
      if (remaining() < 8) return Fail();
      pos_ += 8;
      return true;
    case kBinary: {
      uint64_t n;
      if (!Varint(&n) || n > remaining()) return Fail();
      pos_ += n;
      return true;
    }
    case kList: case kSet: {
      int elem;
      uint32_t n;
      if (!ListHeader(&elem, &n)) return false;
      ++depth_;
      for (uint32_t i = 0; i < n; ++i) {
        // Booleans inside lists take one byte each.
        if ((elem == kTrue || elem == kFalse) ? !Skip(kByte) : !Skip(elem)) return Fail();
      }
      --depth_;
      return true;
    }
    case kMap: {
      uint64_t n;
      if (!Varint(&n)) return false;
      if (n == 0) return true;
      if (n > remaining() || pos_ >= data_.size()) return Fail();
      const auto kv = static_cast<unsigned char>(data_[pos_++]);
      ++depth_;
      for (uint64_t i = 0; i < n; ++i)
        if (!Skip(kv >> 4) || !Skip(kv & 0x0f)) return Fail();
      --depth_;
      return true;
    }
    case kStruct: {
      BeginStruct();
      for (;;) {
        int t;
        int16_t id;
        if (!FieldHeader(&t, &id)) return false;
        if (t == kStop) break;
        if (!Skip(t)) return false;
      }
      EndStruct();
      return true;
    }
    default:
      return Fail();
  }
}

}  // namespace cg
