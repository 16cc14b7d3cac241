// Hand-built Parquet and Arrow IPC (Feather v2) files for the columnar-reader tests and fuzz
// seeds: only the parts the readers look at (magic, footer metadata, record-batch messages),
// encoded per the Parquet thrift definition and the Arrow FlatBuffers schema. Deterministic.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace cg::testing {

// --- Thrift compact protocol -----------------------------------------------------------------

class ThriftWriter {
 public:
  std::string out;
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void ZigZag(int64_t v) { Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Field(int type, int16_t id) {
    int16_t delta = id - last_.back();
    if (delta > 0 && delta <= 15) {
      out.push_back(static_cast<char>((delta << 4) | type));
    } else {
      out.push_back(static_cast<char>(type));
      ZigZag(id);
    }
    last_.back() = id;
  }
  void I32(int16_t id, int32_t v) { Field(5, id); ZigZag(v); }
  void I64(int16_t id, int64_t v) { Field(6, id); ZigZag(v); }
  void Str(int16_t id, const std::string& s) { Field(8, id); Varint(s.size()); out += s; }
  void ListOfStructs(int16_t id, size_t n) {
    Field(9, id);
    if (n < 15) {
      out.push_back(static_cast<char>((n << 4) | 12));
    } else {
      out.push_back(static_cast<char>(0xf0 | 12));
      Varint(n);
    }
  }
  void BeginStruct() { last_.push_back(0); }
  void EndStruct() { out.push_back(0); last_.pop_back(); }

 private:
  std::vector<int16_t> last_{0};
};

struct ParquetColumn {
  std::string name;
  int children = 0;  // > 0: a group; its children follow as further ParquetColumn entries
};

// A Parquet file whose schema lists `columns` (depth-first) under the root and whose footer says
// `num_rows`. `root_children` is the number of top-level columns.
inline std::string MakeParquet(const std::vector<ParquetColumn>& columns, int root_children, int64_t num_rows) {
  ThriftWriter t;
  t.I32(1, 1);                         // version
  t.ListOfStructs(2, columns.size() + 1);
  t.BeginStruct();                     // root
  t.Str(4, "schema");
  t.I32(5, root_children);
  t.EndStruct();
  for (const auto& c : columns) {
    t.BeginStruct();
    if (c.children == 0) t.I32(1, 1);  // INT32
    t.I32(3, 1);                       // OPTIONAL
    t.Str(4, c.name);
    if (c.children > 0) t.I32(5, c.children);
    t.EndStruct();
  }
  t.I64(3, num_rows);
  t.ListOfStructs(4, 0);               // row groups (contents not read)
  t.Str(6, "cohortguard test generator");
  t.EndStruct();
  std::string file = "PAR1";
  file += std::string(64, '\0');       // stands in for column chunks
  file += t.out;
  uint32_t len = static_cast<uint32_t>(t.out.size());
  for (int i = 0; i < 4; ++i) file.push_back(static_cast<char>((len >> (8 * i)) & 0xff));
  file += "PAR1";
  return file;
}

}  // namespace cg::testing
