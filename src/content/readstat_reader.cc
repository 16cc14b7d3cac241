#include "content/readstat_reader.h"

#include <readstat.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "content/structured_input.h"

namespace cg {
namespace {

// A read-only, seekable view that ReadStat reads through its I/O hooks.
struct MemoryIo {
  std::string_view data;
  size_t pos = 0;
};

int IoOpen(const char*, void*) { return 0; }
int IoClose(void*) { return 0; }

readstat_off_t IoSeek(readstat_off_t offset, readstat_io_flags_t whence, void* ctx) {
  auto* io = static_cast<MemoryIo*>(ctx);
  int64_t base = whence == READSTAT_SEEK_SET ? 0
                 : whence == READSTAT_SEEK_CUR ? static_cast<int64_t>(io->pos)
                                               : static_cast<int64_t>(io->data.size());
  int64_t target = base + offset;
  if (target < 0 || target > static_cast<int64_t>(io->data.size())) return -1;
  io->pos = static_cast<size_t>(target);
  return target;
}

ssize_t IoRead(void* buf, size_t n, void* ctx) {
  auto* io = static_cast<MemoryIo*>(ctx);
  size_t k = std::min(n, io->data.size() - io->pos);
  std::memcpy(buf, io->data.data() + io->pos, k);
  io->pos += k;
  return static_cast<ssize_t>(k);
}

readstat_error_t IoUpdate(long, readstat_progress_handler, void*, void*) { return READSTAT_OK; }

struct Collector {
  TableView table;
  int64_t metadata_rows = -1;
  int64_t rows_seen = 0;   // distinct obs_index values handed to the value handler
  bool sample = true;      // false on the counting pass
  std::string error;
};

int OnMetadata(readstat_metadata_t* metadata, void* ctx) {
  static_cast<Collector*>(ctx)->metadata_rows = readstat_get_row_count(metadata);
  return READSTAT_HANDLER_OK;
}

int OnVariable(int index, readstat_variable_t* variable, const char*, void* ctx) {
  auto* c = static_cast<Collector*>(ctx);
  if (!c->sample) return READSTAT_HANDLER_OK;
  const char* name = readstat_variable_get_name(variable);
  if (static_cast<size_t>(index) >= c->table.header.size()) c->table.header.resize(index + 1);
  c->table.header[index] = name ? name : "";
  return READSTAT_HANDLER_OK;
}

std::string ValueText(readstat_value_t value) {
  if (readstat_value_is_system_missing(value) || readstat_value_is_tagged_missing(value)) return "";
  switch (readstat_value_type(value)) {
    case READSTAT_TYPE_STRING: {
      const char* s = readstat_string_value(value);
      return s ? s : "";
    }
    case READSTAT_TYPE_INT8: return std::to_string(readstat_int8_value(value));
    case READSTAT_TYPE_INT16: return std::to_string(readstat_int16_value(value));
    case READSTAT_TYPE_INT32: return std::to_string(readstat_int32_value(value));
    case READSTAT_TYPE_FLOAT: return FormatSampleNumber(readstat_float_value(value));
    case READSTAT_TYPE_DOUBLE: return FormatSampleNumber(readstat_double_value(value));
    default: return "";
  }
}

int OnValue(int obs_index, readstat_variable_t* variable, readstat_value_t value, void* ctx) {
  auto* c = static_cast<Collector*>(ctx);
  if (obs_index + 1 > c->rows_seen) c->rows_seen = obs_index + 1;
  if (!c->sample) return READSTAT_HANDLER_OK;
  size_t row = static_cast<size_t>(obs_index);
  if (row >= kStructuredSampleRows) return READSTAT_HANDLER_OK;
  if (row >= c->table.rows.size()) c->table.rows.resize(row + 1, std::vector<std::string>(c->table.header.size()));
  auto& cells = c->table.rows[row];
  size_t col = static_cast<size_t>(readstat_variable_get_index(variable));
  if (col >= cells.size()) cells.resize(col + 1);
  cells[col] = ValueText(value);
  return READSTAT_HANDLER_OK;
}

void OnError(const char* message, void* ctx) {
  auto* c = static_cast<Collector*>(ctx);
  if (c->error.empty() && message) {
    c->error = message;
    while (!c->error.empty() && (c->error.back() == '\n' || c->error.back() == ' ')) c->error.pop_back();
  }
}

struct ParserDeleter {
  void operator()(readstat_parser_t* p) const { readstat_parser_free(p); }
};

// One pass over the file. `row_limit` 0 means every row; `values` false skips the cells.
Status Parse(FileType type, std::string_view data, long row_limit, bool values, Collector* c) {
  std::unique_ptr<readstat_parser_t, ParserDeleter> parser(readstat_parser_init());
  if (!parser) return Status::IoError("ReadStat could not allocate a parser");
  MemoryIo io{data};
  readstat_set_open_handler(parser.get(), IoOpen);
  readstat_set_close_handler(parser.get(), IoClose);
  readstat_set_seek_handler(parser.get(), IoSeek);
  readstat_set_read_handler(parser.get(), IoRead);
  readstat_set_update_handler(parser.get(), IoUpdate);
  readstat_set_io_ctx(parser.get(), &io);
  readstat_set_metadata_handler(parser.get(), OnMetadata);
  readstat_set_variable_handler(parser.get(), OnVariable);
  if (values) readstat_set_value_handler(parser.get(), OnValue);
  readstat_set_error_handler(parser.get(), OnError);
  if (row_limit > 0) readstat_set_row_limit(parser.get(), row_limit);

  readstat_error_t err = READSTAT_OK;
  const char* kind = "";
  switch (type) {
    case FileType::kStataDta: err = readstat_parse_dta(parser.get(), "", c); kind = "Stata"; break;
    case FileType::kSpssSav: err = readstat_parse_sav(parser.get(), "", c); kind = "SPSS"; break;
    case FileType::kSas7bdat: err = readstat_parse_sas7bdat(parser.get(), "", c); kind = "SAS"; break;
    case FileType::kSasXport: err = readstat_parse_xport(parser.get(), "", c); kind = "SAS transport"; break;
    default: return Status::InvalidArgument("not a statistics-package file type");
  }
  if (err == READSTAT_OK) return Status::Ok();
  std::string message = std::string("malformed ") + kind + " file: " + readstat_error_message(err);
  if (!c->error.empty()) message += " (" + c->error + ")";
  return Status::Corrupt(message);
}

}  // namespace

bool ReadStatReader::Accepts(FileType type) const {
  return type == FileType::kStataDta || type == FileType::kSpssSav || type == FileType::kSas7bdat ||
         type == FileType::kSasXport;
}

Expected<TableView> ReadStatisticsFile(FileType type, std::string_view data) {
  // A transport file is whole 80-byte records and records no row count: ReadStat reads a cut
  // one as a shorter file, so a size off the record grid is reported here.
  if (type == FileType::kSasXport && data.size() % 80 != 0)
    return Status::Corrupt("malformed SAS transport file: " + std::to_string(data.size()) +
                           " bytes is not a whole number of 80-byte records (truncated?)");
  // ReadStat reports the row limit, not the file's row count, once a limit is set: learn the
  // count from a pass without values first, then sample under the limit.
  Collector counter;
  counter.sample = false;
  Status s = Parse(type, data, 0, /*values=*/false, &counter);
  if (!s.ok()) return s;
  int64_t row_count = counter.metadata_rows;
  if (row_count < 0) {
    // The file does not record its row count (non-conforming SPSS writers): count the rows.
    s = Parse(type, data, 0, /*values=*/true, &counter);
    if (!s.ok()) return s;
    row_count = counter.rows_seen;
  }

  Collector c;
  c.table.format = type == FileType::kStataDta ? "dta"
                   : type == FileType::kSpssSav ? "sav"
                   : type == FileType::kSasXport ? "xpt"
                                                 : "sas7bdat";
  s = Parse(type, data, static_cast<long>(kStructuredSampleRows), /*values=*/true, &c);
  if (!s.ok()) return s;
  for (auto& row : c.table.rows) row.resize(c.table.header.size());
  c.table.row_count = row_count;
  return std::move(c.table);
}

Status ReadStatReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                              const EmitFn& emit) {
  auto head = doc.Peek(4096);
  if (!head.ok()) return head.status();
  const FileType type = SniffFileType(*head, doc.name());
  if (!Accepts(type)) return Status::InvalidArgument("not a Stata, SPSS or SAS file");
  auto data = BufferDocument(doc, limits, FileTypeName(type));
  if (!data.ok()) return data.status();
  auto table = ReadStatisticsFile(type, *data);
  if (!table.ok()) return table.status();
  Document child = TableChild(doc, "", std::move(*table));
  return emit(child);
}

}  // namespace cg
