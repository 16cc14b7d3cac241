#include "content/parquet_reader.h"

#include <cstring>

#include "content/structured_input.h"
#include "content/thrift_compact.h"

namespace cg {
namespace {

using TC = ThriftCompactReader;

struct SchemaElement {
  std::string name;
  int64_t num_children = 0;
};

Status Malformed() { return Status::Corrupt("malformed Parquet footer (FileMetaData)"); }

bool ReadSchemaElement(TC& r, SchemaElement* e) {
  r.BeginStruct();
  for (;;) {
    int type;
    int16_t id;
    if (!r.FieldHeader(&type, &id)) return false;
    if (type == TC::kStop) break;
    if (id == 4 && type == TC::kBinary) {
      if (!r.Binary(&e->name)) return false;
    } else if (id == 5 && type == TC::kI32) {
      if (!r.ZigZag(&e->num_children)) return false;
    } else if (!r.Skip(type)) {
      return false;
    }
  }
  r.EndStruct();
  return true;
}

}  // namespace

Expected<TableView> ParseParquetTail(std::string_view tail) {
  if (tail.size() < 12 || tail.substr(tail.size() - 4) != "PAR1")
    return Status::Corrupt("Parquet file truncated: no closing PAR1 marker");
  const auto* p = reinterpret_cast<const unsigned char*>(tail.data() + tail.size() - 8);
  const uint32_t footer_len = p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t{p[3]} << 24);
  if (footer_len > kMaxParquetFooter)
    return Status::LimitExceeded("Parquet footer of " + std::to_string(footer_len) + " bytes is past the " +
                                 std::to_string(kMaxParquetFooter) + "-byte limit");
  if (footer_len + 8 > tail.size()) return Status::Corrupt("Parquet footer length points before the file start");

  TC r(tail.substr(tail.size() - 8 - footer_len, footer_len));
  std::vector<SchemaElement> schema;
  int64_t num_rows = -1;
  r.BeginStruct();
  for (;;) {
    int type;
    int16_t id;
    if (!r.FieldHeader(&type, &id)) return Malformed();
    if (type == TC::kStop) break;
    if (id == 2 && type == TC::kList) {
      int elem;
      uint32_t n;
      if (!r.ListHeader(&elem, &n) || elem != TC::kStruct) return Malformed();
      for (uint32_t i = 0; i < n; ++i) {
        SchemaElement e;
        if (!ReadSchemaElement(r, &e)) return Malformed();
        schema.push_back(std::move(e));
      }
    } else if (id == 3 && type == TC::kI64) {
      if (!r.ZigZag(&num_rows)) return Malformed();
    } else if (!r.Skip(type)) {
      return Malformed();
    }
  }
  if (schema.empty() || num_rows < 0) return Status::Corrupt("Parquet footer has no schema or no row count");

  // schema[0] is the root; its direct children are the columns, each followed by its own
  // subtree (depth-first, sized by num_children).
  TableView t;
  t.format = "parquet";
  t.row_count = num_rows;
  size_t i = 1;
  for (int64_t c = 0; c < schema[0].num_children; ++c) {
    if (i >= schema.size()) return Status::Corrupt("Parquet schema has fewer elements than it declares");
    t.header.push_back(schema[i].name);
    // Skip the subtree below this column.
    int64_t pending = schema[i].num_children;
    ++i;
    while (pending > 0) {
      if (i >= schema.size()) return Status::Corrupt("Parquet schema has fewer elements than it declares");
      pending += schema[i].num_children - 1;
      ++i;
    }
  }
  return t;
}

Status ParquetReader::Expand(Document& doc, const ContentLimits& /*limits*/, ContentBudget& /*budget*/,
                             const EmitFn& emit) {
  // Keep the last kMaxParquetFooter + 8 bytes seen; the footer sits there. Memory stays bounded
  // whatever the file size, so no total-size limit applies (decompressors bound their output).
  const size_t keep = kMaxParquetFooter + 8;
  std::string tail;
  char buf[64 * 1024];
  for (;;) {
    auto n = doc.Read(buf, sizeof buf);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    tail.append(buf, *n);
    if (tail.size() > 2 * keep) tail.erase(0, tail.size() - keep);
  }
  auto table = ParseParquetTail(tail);
  if (!table.ok()) return table.status();
  Document child = TableChild(doc, "", std::move(*table));
  return emit(child);
}

}  // namespace cg
