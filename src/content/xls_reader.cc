#include "content/xls_reader.h"

#include <freexl.h>

#include "content/isolated_reader.h"

#include "content/memory_file.h"
#include "content/structured_input.h"
#include "content/table_sample.h"

namespace cg {
namespace {

struct Workbook {
  const void* handle = nullptr;
  ~Workbook() {
    if (handle) freexl_close(handle);
  }
};

std::string FreexlError(int rc) {
  switch (rc) {
    case FREEXL_INVALID_CFBF_HEADER: case FREEXL_CFBF_INVALID_SIGNATURE: case FREEXL_CFBF_INVALID_SECTOR_SIZE:
      return "not an OLE2 compound file";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "the compound file holds no Excel workbook stream";
    case FREEXL_BIFF_INVALID_BOF: case FREEXL_BIFF_INVALID_SST: case FREEXL_BIFF_ILLEGAL_SST_INDEX:
      return "its BIFF records are damaged";
    case FREEXL_ILLEGAL_RK_VALUE: return "a numeric (RK) cell is damaged";
    case FREEXL_INVALID_CHARACTER: return "a string is not valid in the workbook's character set";
    case FREEXL_CFBF_EMPTY_FAT_CHAIN: case FREEXL_CFBF_ILLEGAL_FAT_ENTRY: case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR: case FREEXL_INVALID_MINI_STREAM: case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
      return "its compound-file structure is damaged";
    case FREEXL_INSUFFICIENT_MEMORY: return "FreeXL ran out of memory";
    case FREEXL_CRAFTED_FILE: return "FreeXL found a severely corrupted (possibly crafted) file";
    case FREEXL_UNSUPPORTED_CHARSET: return "its character set is not supported";
    default: return "FreeXL error " + std::to_string(rc);
  }
}

Status Malformed(const std::string& what) { return Status::Corrupt("malformed .xls workbook: " + what); }

std::string CellString(const FreeXL_CellValue& v) {
  switch (v.type) {
    case FREEXL_CELL_INT: return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE: return FormatSampleNumber(v.value.double_value);
    case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return v.value.text_value ? CellText(v.value.text_value) : "";
    default: return "";
  }
}

// Cells the workbook's sheets declare (their DIMENSION records), from a metadata-only open.
Status CountCells(const std::string& path, uint64_t* cells) {
  Workbook info;
  int rc = freexl_open_info(path.c_str(), &info.handle);
  if (rc != FREEXL_OK) return Malformed(FreexlError(rc));
  unsigned sheets = 0;
  if (freexl_get_info(info.handle, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) return Malformed("no sheet count");
  unsigned protection = 0;
  if (freexl_get_info(info.handle, FREEXL_BIFF_PASSWORD, &protection) == FREEXL_OK && protection == FREEXL_BIFF_OBFUSCATED)
    return Status::Unsupported("password-protected .xls workbook: its sheets cannot be read");
  *cells = 0;
  for (unsigned i = 0; i < sheets; ++i) {
    unsigned rows = 0;
    unsigned short cols = 0;
    if (freexl_select_active_worksheet(info.handle, static_cast<unsigned short>(i)) == FREEXL_OK &&
        freexl_worksheet_dimensions(info.handle, &rows, &cols) == FREEXL_OK)
      *cells += static_cast<uint64_t>(rows) * cols;
  }
  return Status::Ok();
}

Status ReadInThisProcess(std::string_view data, std::vector<XlsSheet>* sheets) {
  MemoryFile file;
  if (Status s = file.Open(data, "cohortguard-xls"); !s.ok()) return s;
  uint64_t cells = 0;
  if (Status s = CountCells(file.path(), &cells); !s.ok()) return s;
  if (cells > kMaxXlsCells)
    return Status::LimitExceeded(".xls workbook declares " + std::to_string(cells) + " cells, more than the " +
                                 std::to_string(kMaxXlsCells) + " read into memory: not read");
  Workbook book;
  int rc = freexl_open(file.path().c_str(), &book.handle);
  if (rc != FREEXL_OK) return Malformed(FreexlError(rc));
  unsigned count = 0;
  if (freexl_get_info(book.handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) return Malformed("no sheet count");
  for (unsigned i = 0; i < count; ++i) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(book.handle, static_cast<unsigned short>(i), &name) != FREEXL_OK)
      return Malformed("sheet " + std::to_string(i + 1) + " has no name");
    unsigned rows = 0;
    unsigned short cols = 0;
    if (freexl_select_active_worksheet(book.handle, static_cast<unsigned short>(i)) != FREEXL_OK ||
        freexl_worksheet_dimensions(book.handle, &rows, &cols) != FREEXL_OK)
      return Malformed("sheet " + std::to_string(i + 1) + " cannot be selected");
    XlsSheet sheet{name ? name : "sheet" + std::to_string(i + 1), {}};
    TableView& t = sheet.table;
    t.format = "xls";
    bool have_header = false;
    for (unsigned r = 0; r < rows; ++r) {
      std::vector<std::string> row(cols);
      bool any = false;
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v;
        rc = freexl_get_cell_value(book.handle, r, c, &v);
        if (rc != FREEXL_OK) return Malformed("sheet '" + sheet.name + "': " + FreexlError(rc));
        row[c] = CellString(v);
        any = any || !row[c].empty();
      }
      if (!any) continue;
      while (!row.empty() && row.back().empty()) row.pop_back();
      if (!have_header) {
        t.header = std::move(row);
        have_header = true;
        continue;
      }
      row.resize(std::max(row.size(), t.header.size()));
      AddSampleRow(t, std::move(row));
    }
    if (have_header) sheets->push_back(std::move(sheet));
  }
  return Status::Ok();
}

}  // namespace

Status ReadXlsWorkbook(std::string_view data, std::vector<XlsSheet>* sheets) {
  std::vector<NamedTable> tables;
  Status s = ReadIsolated("FreeXL", data.size(), kXlsSeconds, [&](std::vector<NamedTable>* out) {
    std::vector<XlsSheet> own;
    Status read = ReadInThisProcess(data, &own);
    for (auto& sh : own) out->push_back({std::move(sh.name), std::move(sh.table)});
    return read;
  }, &tables);
  for (auto& t : tables) sheets->push_back({std::move(t.member), std::move(t.table)});
  return s;
}

Status XlsReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/, const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "xls");
  if (!data.ok()) return data.status();
  std::vector<XlsSheet> sheets;
  Status read = ReadXlsWorkbook(*data, &sheets);
  for (auto& sheet : sheets) {
    Document child = TableChild(doc, sheet.name, std::move(sheet.table));
    if (Status s = emit(child); !s.ok()) return s;
  }
  return read;
}

}  // namespace cg
