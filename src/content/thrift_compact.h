// ThriftCompactReader: a bounds-checked cursor over Apache Thrift's compact protocol, enough to
// walk Parquet's FileMetaData (structs, lists, varints, binaries) and skip what it does not need.
// Never reads past its buffer; nesting is capped so hostile footers cannot exhaust the stack.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cg {

class ThriftCompactReader {
 public:
  // Compact-protocol type codes.
  enum Type : int { kStop = 0, kTrue = 1, kFalse = 2, kByte = 3, kI16 = 4, kI32 = 5, kI64 = 6,
                    kDouble = 7, kBinary = 8, kList = 9, kSet = 10, kMap = 11, kStruct = 12 };

  explicit ThriftCompactReader(std::string_view data) : data_(data) {}

  // Struct fields: call BeginStruct, then FieldHeader until it yields kStop, then EndStruct.
  void BeginStruct() { last_field_[depth_ < kMaxDepth ? depth_ : kMaxDepth - 1] = 0; ++depth_; }
  void EndStruct() { --depth_; }
  // False on malformed input. `type` is kStop at the end of the struct.
  bool FieldHeader(int* type, int16_t* id);
  bool ListHeader(int* elem_type, uint32_t* size);
  bool Varint(uint64_t* v);
  bool ZigZag(int64_t* v);
  bool Binary(std::string* s);
  // Skips one value of `type` (recursively for containers). False on malformed input.
  bool Skip(int type);

  bool ok() const { return ok_; }
  size_t remaining() const { return data_.size() - pos_; }

 private:
  static constexpr int kMaxDepth = 64;
  std::string_view data_;
  size_t pos_ = 0;
  int depth_ = 0;
  int16_t last_field_[kMaxDepth] = {};
  bool ok_ = true;
  bool Fail() { return ok_ = false; }
};

}  // namespace cg
