// Helpers that build a TableView from rows as a reader meets them: every row is counted, only
// the first kMaxSampleRows are kept (the detector needs a sample, never the whole table), and
// cell text is capped so a hostile 1 GB cell cannot inflate the sample.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/table_view.h"

namespace cg {

inline constexpr size_t kMaxSampleRows = 200;
inline constexpr size_t kMaxCellBytes = 4096;
inline constexpr size_t kMaxColumns = 20000;  // wider than Excel's 16384, narrower than hostile

// Counts `row` into `t` and keeps it when the sample is not full. Cells past kMaxColumns and
// bytes past kMaxCellBytes are dropped.
void AddSampleRow(TableView& t, std::vector<std::string> row);

// Caps and trims one cell.
std::string CellText(std::string_view s);

// Splits `text` into lines without their "\n" or "\r\n".
std::vector<std::string_view> SplitLines(std::string_view text);

std::string_view Trim(std::string_view s);

}  // namespace cg
