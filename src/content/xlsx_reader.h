// Excel .xlsx (and .xlsm) workbooks: every worksheet as a table document whose member is the
// sheet's name. One streaming pass over the zip (libarchive via ArchiveInput) with expat over
// each XML part: worksheets are sampled as they arrive (header = first non-empty row, up to
// kMaxSampleRows more rows, every row counted), and because Excel writes sharedStrings.xml
// after the sheets, cells are kept as shared-string indices and only the strings the samples
// need are looked up when sharedStrings.xml streams by. Inline strings (<is><t>) are read too.
// Nothing is extracted; part sizes count into the item's budget and bomb check.
#pragma once

#include "content/content_reader.h"

namespace cg {

class XlsxReader : public ContentReader {
 public:
  const char* name() const override { return "xlsx"; }
  const char* summary() const override {
    return "Excel .xlsx: every sheet as a table (shared and inline strings), streamed";
  }
  bool Accepts(FileType type) const override { return type == FileType::kXlsx; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

// 0-based column of an A1-style reference ("B7" -> 1), or -1 when there is none.
int ColumnOfCellRef(const char* ref);

}  // namespace cg
