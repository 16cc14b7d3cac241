// TableView: what the participant detector sees of a table, produced once per document.
//
// Holds the header, a bounded sample of rows and a row count (exact for small or structured
// tables, estimated for large streamed ones). Sampled cell values stay inside detect/: they are
// evidence, never output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cg {

// row_count of a table whose rows are not counted in the file itself (a PLINK .bed: its people
// are listed in the companion .fam). Reports then give no row count, and the size of the table
// does not cap the severity.
inline constexpr int64_t kUnknownRowCount = -1;

struct TableView {
  std::string format;                          // "csv", "xlsx", "dta", "vcf-samples", "fam", ...
  char delimiter = 0;                          // for delimited text; 0 otherwise
  bool has_header = true;
  std::vector<std::string> header;             // column names; empty when headerless
  std::vector<std::vector<std::string>> rows;  // sampled data rows (header excluded)
  int64_t row_count = 0;                       // data rows (header excluded), or kUnknownRowCount
  bool row_count_estimated = false;
  size_t column_count() const { return header.empty() ? (rows.empty() ? 0 : rows[0].size()) : header.size(); }
};

}  // namespace cg
