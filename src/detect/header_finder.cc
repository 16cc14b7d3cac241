#include "detect/header_finder.h"

#include <algorithm>
#include <set>
#include <string>

#include "rules/validators.h"

namespace cg {
namespace {

constexpr size_t kMaxPreambleRows = 10;

size_t Filled(const std::vector<std::string>& row) {
  size_t n = 0;
  for (const auto& c : row) n += c.find_first_not_of(" \t") != std::string::npos;
  return n;
}

// A row of column names: at least two cells, mostly text, mostly distinct (a band of visits
// above repeats "BP, HR" under each visit).
bool ReadsLikeNames(const std::vector<std::string>& row, size_t width) {
  const size_t filled = Filled(row);
  if (filled < 2 || filled * 10 < width * 6) return false;
  std::set<std::string> seen;
  size_t text = 0;
  for (const auto& c : row) {
    if (c.find_first_not_of(" \t") == std::string::npos) continue;
    seen.insert(c);
    text += !IsNumericCell(c) && !IsDate(c);
  }
  return text * 10 >= filled * 8 && seen.size() * 10 >= filled * 6;
}

}  // namespace

std::optional<TableView> HeaderBelowPreamble(const TableView& in) {
  if (!in.has_header || in.rows.size() < 3) return std::nullopt;
  size_t width = 0;
  for (size_t r = 0; r < in.rows.size() && r < kMaxPreambleRows + 5; ++r) width = std::max(width, Filled(in.rows[r]));
  if (width < 2 || Filled(in.header) * 2 > width) return std::nullopt;  // the header is as wide as the table
  for (size_t r = 0; r < in.rows.size() && r < kMaxPreambleRows; ++r) {
    if (!ReadsLikeNames(in.rows[r], width)) continue;
    if (r + 1 >= in.rows.size()) return std::nullopt;
    TableView t = in;
    t.header = t.rows[r];
    while (!t.header.empty() && t.header.back().find_first_not_of(" \t") == std::string::npos) t.header.pop_back();
    t.rows.erase(t.rows.begin(), t.rows.begin() + static_cast<std::ptrdiff_t>(r + 1));
    // Rows that are only blank cells are not people.
    t.rows.erase(std::remove_if(t.rows.begin(), t.rows.end(), [](const auto& row) { return Filled(row) == 0; }),
                 t.rows.end());
    t.row_count = std::max<int64_t>(0, t.row_count - static_cast<int64_t>(r + 1));
    return t;
  }
  return std::nullopt;
}

}  // namespace cg
