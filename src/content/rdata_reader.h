// RDataReader: data frames inside R's .rds and .RData files as tables.
//
// The (already decompressed) serialization is buffered under ContentLimits::max_held_bytes and
// parsed by content/r_serialization. Every data frame found is emitted as a TableView (format
// "rds" or "rdata"): column names as header, the row count from row.names, and up to
// kStructuredSampleRows sampled rows (factors as their labels). Data frames inside lists are
// found too, to a small depth. The member names the object: "pheno" in x.RData, "pheno$baseline"
// for a list element; a .rds holding one data frame has no member. Stateless; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "content/content_reader.h"

namespace cg {

class RDataReader : public ContentReader {
 public:
  const char* name() const override { return "rdata"; }
  const char* summary() const override {
    return "R .rds/.RData: data frames' column names, row counts and sampled rows";
  }
  bool Accepts(FileType type) const override { return type == FileType::kRds || type == FileType::kRData; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

struct NamedTable {
  std::string member;
  TableView table;
};

// The data frames in one serialized R file held in memory (.RData when it starts with "RD").
// Exposed for tests and the fuzzer.
Expected<std::vector<NamedTable>> ReadRDataTables(std::string_view data);

}  // namespace cg
