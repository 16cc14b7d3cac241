// CDISC ODM XML (ODM 1.3 and 2.0): what REDCap's "CDISC ODM (XML)" export and project XML
// files, OpenClinica and other EDC systems write. Streamed through expat, never held whole:
// every ClinicalData/SubjectData is one row (first column `subject_id`, its SubjectKey), every
// ItemData (ItemDataString, ... too) a cell whose column is the item's Name from its ItemDef
// when the metadata gave one, else its ItemOID; the value is the Value attribute or the
// element's text. An item met again for the same subject (another event or repeat instance)
// keeps its first value. A file without ClinicalData (metadata only, a data dictionary)
// yields no table.
#pragma once

#include "content/content_reader.h"

namespace cg {

class OdmReader : public ContentReader {
 public:
  const char* name() const override { return "odm"; }
  const char* summary() const override {
    return "CDISC ODM XML (REDCap XML exports): subjects as rows, items as columns (expat), streamed";
  }
  bool Accepts(FileType type) const override { return type == FileType::kOdm; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
