// OpenDocument spreadsheets (.ods, LibreOffice and pandas' odf writer): every sheet of
// content.xml as a table document whose member is the sheet's name. One streaming pass over
// the zip (libarchive via ArchiveInput) with expat over content.xml, never held whole: the
// header is the first non-empty row, up to kMaxSampleRows more rows are kept and every
// non-empty row is counted, repeated rows and columns (table:number-*-repeated) included, so
// the million blank rows LibreOffice writes cost nothing. Cell text is the text:p paragraphs
// (comments excluded), or the typed value (office:value, date-value, boolean-value).
#pragma once

#include "content/content_reader.h"

namespace cg {

class OdsReader : public ContentReader {
 public:
  const char* name() const override { return "ods"; }
  const char* summary() const override {
    return "OpenDocument .ods: every sheet as a table (expat over content.xml), streamed";
  }
  bool Accepts(FileType type) const override { return type == FileType::kOds; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
