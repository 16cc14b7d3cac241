// Hand-built Parquet and Arrow IPC (Feather v2) files for the columnar-reader tests and fuzz
// seeds: only the parts the readers look at (magic, footer metadata, record-batch messages),
// encoded per the Parquet thrift definition and the Arrow FlatBuffers schema. Deterministic.
#pragma once

#include <algorithm>
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

// --- FlatBuffers (built back to front, as the FlatBuffers builder does) ----------------------

class FlatBuilder {
 public:
  // A reference is an object's distance from the end of the buffer; stable while prepending.
  using Ref = uint32_t;
  struct FieldValue {
    int index;
    std::string scalar;  // little-endian bytes, or empty for a reference
    Ref ref = 0;
  };
  static FieldValue Scalar(int index, const void* v, size_t n) {
    return {index, std::string(static_cast<const char*>(v), n), 0};
  }
  static FieldValue Reference(int index, Ref r) { return {index, "", r}; }

  Ref String(const std::string& s) {
    Prepend(std::string(1, '\0'));
    Prepend(s);
    PrependU32(static_cast<uint32_t>(s.size()));
    return Size();
  }
  Ref VectorOfRefs(const std::vector<Ref>& refs) {
    for (size_t i = refs.size(); i-- > 0;) PrependU32(Size() + 4 - refs[i]);
    PrependU32(static_cast<uint32_t>(refs.size()));
    return Size();
  }
  Ref VectorOfStructs(const std::string& bytes, uint32_t count) {
    Prepend(bytes);
    PrependU32(count);
    return Size();
  }
  Ref Table(const std::vector<FieldValue>& fields) {
    int max_index = -1;
    size_t size = 4;
    std::vector<size_t> at;
    for (const auto& f : fields) {
      max_index = std::max(max_index, f.index);
      at.push_back(size);
      size += f.scalar.empty() ? 4 : f.scalar.size();
    }
    const Ref table_ref = Size() + static_cast<Ref>(size);
    std::string table(size, '\0');
    std::vector<uint16_t> vt(max_index + 1, 0);
    for (size_t i = 0; i < fields.size(); ++i) {
      const auto& f = fields[i];
      vt[f.index] = static_cast<uint16_t>(at[i]);
      if (f.scalar.empty()) {
        uint32_t off = table_ref - static_cast<Ref>(at[i]) - f.ref;
        std::memcpy(&table[at[i]], &off, 4);
      } else {
        std::memcpy(&table[at[i]], f.scalar.data(), f.scalar.size());
      }
    }
    const uint16_t vsize = static_cast<uint16_t>(4 + 2 * vt.size());
    int32_t soffset = vsize;  // the vtable sits right before the table
    std::memcpy(&table[0], &soffset, 4);
    Prepend(table);
    std::string vtable(vsize, '\0');
    uint16_t tsize = static_cast<uint16_t>(size);
    std::memcpy(&vtable[0], &vsize, 2);
    std::memcpy(&vtable[2], &tsize, 2);
    for (size_t i = 0; i < vt.size(); ++i) std::memcpy(&vtable[4 + 2 * i], &vt[i], 2);
    Prepend(vtable);
    return table_ref;
  }
  std::string Finish(Ref root) {
    PrependU32(Size() + 4 - root);
    return buf_;
  }

 private:
  Ref Size() const { return static_cast<Ref>(buf_.size()); }
  void Prepend(const std::string& bytes) { buf_.insert(0, bytes); }
  void PrependU32(uint32_t v) { Prepend(std::string(reinterpret_cast<const char*>(&v), 4)); }
  std::string buf_;
};

// An Arrow IPC file with the given field names and one record batch per entry of
// `batch_lengths`. Bodies are empty: the reader reads only metadata.
inline std::string MakeArrowFile(const std::vector<std::string>& fields, const std::vector<int64_t>& batch_lengths) {
  std::string file("ARROW1\0\0", 8);
  std::string blocks;
  for (int64_t length : batch_lengths) {
    FlatBuilder b;
    auto batch = b.Table({FlatBuilder::Scalar(0, &length, 8)});
    int16_t version = 4;
    uint8_t header_type = 3;
    int64_t body = 0;
    auto msg = b.Table({FlatBuilder::Scalar(0, &version, 2), FlatBuilder::Scalar(1, &header_type, 1),
                        FlatBuilder::Reference(2, batch), FlatBuilder::Scalar(3, &body, 8)});
    std::string meta = b.Finish(msg);
    int64_t offset = static_cast<int64_t>(file.size());
    int32_t meta_len = static_cast<int32_t>(meta.size() + 8);
    uint32_t cont = 0xffffffffu, len = static_cast<uint32_t>(meta.size());
    file.append(reinterpret_cast<const char*>(&cont), 4);
    file.append(reinterpret_cast<const char*>(&len), 4);
    file += meta;
    std::string block(24, '\0');
    std::memcpy(&block[0], &offset, 8);
    std::memcpy(&block[8], &meta_len, 4);
    std::memcpy(&block[16], &body, 8);
    blocks += block;
  }
  FlatBuilder b;
  std::vector<FlatBuilder::Ref> field_refs;
  for (const auto& name : fields) {
    int32_t bit_width = 64;
    uint8_t is_signed = 1, nullable = 1, type_type = 2;  // Type.Int
    auto type = b.Table({FlatBuilder::Scalar(0, &bit_width, 4), FlatBuilder::Scalar(1, &is_signed, 1)});
    auto n = b.String(name);
    field_refs.push_back(b.Table({FlatBuilder::Reference(0, n), FlatBuilder::Scalar(1, &nullable, 1),
                                  FlatBuilder::Scalar(2, &type_type, 1), FlatBuilder::Reference(3, type)}));
  }
  auto field_vec = b.VectorOfRefs(field_refs);
  auto schema = b.Table({FlatBuilder::Reference(1, field_vec)});
  auto batches = b.VectorOfStructs(blocks, static_cast<uint32_t>(batch_lengths.size()));
  int16_t version = 4;
  auto footer_root = b.Table({FlatBuilder::Scalar(0, &version, 2), FlatBuilder::Reference(1, schema),
                              FlatBuilder::Reference(3, batches)});
  std::string footer = b.Finish(footer_root);
  file += footer;
  uint32_t footer_len = static_cast<uint32_t>(footer.size());
  file.append(reinterpret_cast<const char*>(&footer_len), 4);
  file += "ARROW1";
  return file;
}

}  // namespace cg::testing
