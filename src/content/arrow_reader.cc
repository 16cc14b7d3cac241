#include "content/arrow_reader.h"

#include "content/flatbuffer_view.h"
#include "content/structured_input.h"

namespace cg {
namespace {

constexpr std::string_view kMagic("ARROW1", 6);
constexpr size_t kBlockSize = 24;          // struct Block { offset: long; metaDataLength: int; bodyLength: long }
constexpr uint8_t kRecordBatchHeader = 3;  // MessageHeader.RecordBatch

Status Corrupt(const std::string& what) { return Status::Corrupt("malformed Arrow IPC file: " + what); }

// The length of the RecordBatch message at `offset` in `file`.
Expected<int64_t> BatchLength(std::string_view file, int64_t offset) {
  if (offset < 0 || static_cast<uint64_t>(offset) + 8 > file.size()) return Corrupt("record batch offset outside the file");
  FlatBufferView whole(file);
  uint32_t word = 0;
  whole.U32(static_cast<size_t>(offset), &word);
  size_t start = static_cast<size_t>(offset) + 4;
  if (word == 0xffffffffu) {  // continuation marker, then the metadata length
    whole.U32(start, &word);
    start += 4;
  }
  if (word > file.size() - start) return Corrupt("record batch message runs past the end of the file");
  FlatBufferView message(file.substr(start, word));
  FlatBufferView::Table msg, batch;
  uint8_t header_type = 0;
  size_t type_field = 0;
  if (!message.Root(&msg) || (type_field = message.Field(msg, 1)) == 0 || !message.U8(type_field, &header_type))
    return Corrupt("unreadable record batch message");
  if (header_type != kRecordBatchHeader) return Corrupt("footer block is not a record batch");
  if (!message.TableField(msg, 2, &batch)) return Corrupt("record batch message without a header");
  int64_t length = 0;  // absent field: default 0
  if (size_t f = message.Field(batch, 0); f != 0 && !message.I64(f, &length)) return Corrupt("unreadable batch length");
  if (length < 0) return Corrupt("negative record batch length");
  return length;
}

}  // namespace

Expected<TableView> ParseArrowFile(std::string_view file) {
  if (file.size() < 6 + 2 + 4 + 6 || file.substr(0, 6) != kMagic || file.substr(file.size() - 6) != kMagic)
    return Corrupt("missing ARROW1 magic at start or end (truncated?)");
  uint32_t footer_len = 0;
  FlatBufferView(file).U32(file.size() - 10, &footer_len);
  if (footer_len > file.size() - 10 - 8) return Corrupt("footer length larger than the file");
  FlatBufferView footer(file.substr(file.size() - 10 - footer_len, footer_len));

  FlatBufferView::Table root, schema;
  if (!footer.Root(&root) || !footer.TableField(root, 1, &schema)) return Corrupt("footer has no schema");
  TableView t;
  t.format = "arrow";
  uint32_t nfields = 0;
  size_t first = 0;
  if (footer.Field(schema, 1) != 0) {
    if (!footer.VectorField(schema, 1, &nfields, &first) || nfields > footer_len / 4)
      return Corrupt("unreadable schema field list");
    for (uint32_t i = 0; i < nfields; ++i) {
      FlatBufferView::Table field;
      std::string name;
      if (!footer.TableElement(first, i, &field)) return Corrupt("unreadable schema field");
      if (footer.Field(field, 0) != 0 && !footer.StringField(field, 0, &name)) return Corrupt("unreadable field name");
      t.header.push_back(std::move(name));
    }
  }
  uint32_t nbatches = 0;
  if (footer.Field(root, 3) != 0) {
    if (!footer.VectorField(root, 3, &nbatches, &first) || nbatches > footer_len / kBlockSize)
      return Corrupt("unreadable record batch list");
    for (uint32_t i = 0; i < nbatches; ++i) {
      int64_t offset;
      if (!footer.I64(first + kBlockSize * i, &offset)) return Corrupt("unreadable record batch block");
      auto length = BatchLength(file, offset);
      if (!length.ok()) return length.status();
      t.row_count += *length;
    }
  }
  return t;
}

Status ArrowReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                           const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "Arrow");
  if (!data.ok()) return data.status();
  auto table = ParseArrowFile(*data);
  if (!table.ok()) return table.status();
  Document child = TableChild(doc, "", std::move(*table));
  return emit(child);
}

}  // namespace cg
