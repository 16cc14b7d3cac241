// ReadStatReader: Stata .dta, SPSS .sav, SAS .sas7bdat and SAS transport .xpt (v5, v8) files as
// tables, through ReadStat.
//
// The document is buffered in memory (bounded by ContentLimits::max_held_bytes) and handed to
// ReadStat through its I/O handler hooks, so nothing touches the file system. The emitted
// TableView carries the variable names as header, the row count from the file's metadata
// (counted when the file does not record it) and up to kStructuredSampleRows sampled rows.
// Stateless; safe to share between threads.
#pragma once

#include <string_view>

#include "content/content_reader.h"

namespace cg {

class ReadStatReader : public ContentReader {
 public:
  const char* name() const override { return "readstat"; }
  const char* summary() const override {
    return "Stata .dta, SPSS .sav, SAS .sas7bdat and transport .xpt (v5/v8): variable names, row count, sampled rows (ReadStat)";
  }
  bool Accepts(FileType type) const override;
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

// Parses one statistics file held in memory. Exposed for tests and the fuzzer.
// REQUIRES: `type` is kStataDta, kSpssSav, kSas7bdat or kSasXport.
Expected<TableView> ReadStatisticsFile(FileType type, std::string_view data);

}  // namespace cg
