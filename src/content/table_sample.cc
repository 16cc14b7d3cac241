#include "content/table_sample.h"

namespace cg {

void AddSampleRow(TableView& t, std::vector<std::string> row) {
  ++t.row_count;
  if (t.rows.size() >= kMaxSampleRows) return;
  if (row.size() > kMaxColumns) row.resize(kMaxColumns);
  for (auto& cell : row)
    if (cell.size() > kMaxCellBytes) cell.resize(kMaxCellBytes);
  t.rows.push_back(std::move(row));
}

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::string CellText(std::string_view s) {
  s = Trim(s);
  return std::string(s.substr(0, kMaxCellBytes));
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace cg
