// Legacy Excel .xls workbooks (BIFF5/BIFF8 in an OLE2 compound file, Excel 97-2003 and what
// LibreOffice, R's WriteXLS and old pipelines write): every worksheet as a table document whose
// member is the sheet's name, read by FreeXL. FreeXL opens only paths, so the bytes are handed to
// it as an anonymous memory file (content/memory_file); nothing is written to disk and no macro
// or embedded object is looked at. As for .xlsx, the header is the first non-empty row (title
// rows above the real header are found by the detector's HeaderFinder), up to kMaxSampleRows
// more rows are kept and every non-empty row is counted. Password-protected workbooks are an
// error that says so. Workbooks whose sheets would take more than kMaxXlsCells cells are refused
// before FreeXL loads them (it holds every cell of a sheet in memory). FreeXL runs in a forked
// child process (it over-reads its stack on crafted files): its crash or hang is an error for
// the workbook only.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "content/content_reader.h"
#include "core/table_view.h"

namespace cg {

inline constexpr uint64_t kMaxXlsCells = 4u << 20;  // FreeXL keeps about 16 bytes a cell
inline constexpr int kXlsSeconds = 60;                 // per workbook, in the FreeXL child

class XlsReader : public ContentReader {
 public:
  const char* name() const override { return "xls"; }
  const char* summary() const override {
    return "Excel 97-2003 .xls: every sheet as a table (FreeXL, from a memory file)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kXls; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

struct XlsSheet {
  std::string name;
  TableView table;
};

// The sheets of the workbook in `data`. Sheets read before an error are kept. For tests/fuzzing.
Status ReadXlsWorkbook(std::string_view data, std::vector<XlsSheet>* sheets);

}  // namespace cg
