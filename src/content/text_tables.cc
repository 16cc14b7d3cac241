#include "content/text_tables.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "content/table_sample.h"

namespace cg {
namespace {

std::vector<std::string> SplitWhitespace(std::string_view line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    size_t b = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > b) out.emplace_back(line.substr(b, i - b));
  }
  return out;
}

bool IsEllipsis(const std::string& s) { return s == "..." || s == "\xe2\x80\xa6" || s == "\xe2\x8b\xae"; }

bool AllEllipsis(const std::vector<std::string>& cells) {
  return !cells.empty() && std::all_of(cells.begin(), cells.end(), IsEllipsis);
}

// First run of digits (commas allowed) in `s` after `from`, or -1.
int64_t FirstNumber(std::string_view s, size_t from = 0) {
  size_t i = from;
  while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == s.size()) return -1;
  int64_t n = 0;
  for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == ','); ++i)
    if (s[i] != ',') n = n * 10 + (s[i] - '0');
  return n;
}

bool IsTypeRow(const std::vector<std::string>& cells) {  // tibble: <dbl> <chr> ...
  return !cells.empty() && std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return c.size() >= 3 && c.front() == '<' && c.back() == '>';
  });
}

std::vector<std::string> SplitPipes(std::string_view line) {
  line = Trim(line);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  if (!line.empty() && line.back() == '|' && (line.size() < 2 || line[line.size() - 2] != '\\')) line.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cur;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cur += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.push_back(CellText(cur));
      cur.clear();
    } else {
      cur += line[i];
    }
  }
  cells.push_back(CellText(cur));
  return cells;
}

bool IsSeparatorRow(std::string_view line) {
  line = Trim(line);
  if (line.find('-') == std::string_view::npos || line.find('|') == std::string_view::npos) {
    // A single-column table may omit pipes only when it has them elsewhere; require a pipe.
    return false;
  }
  for (char c : line)
    if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') return false;
  return true;
}

// Columns found by position when cells hold spaces ("ZZ2 1AB", "Never smoked", a date and a
// time): the column boundaries are the character positions blank on every line. Each header
// name lies in one run of non-blank positions; a run without a name belongs to the name on its
// right (R right-aligns), one left of the first name is the row labels and is dropped. Two names
// in one run (a left-aligned value overlapping the next column) is not a table we can split.
std::optional<TableView> ParseAligned(const std::vector<std::string_view>& lines, size_t first, int64_t footer_rows) {
  if (lines.size() < first + 2) return std::nullopt;
  size_t width = 0;
  for (std::string_view l : lines) width = std::max(width, l.size());
  if (width > 64 * 1024) return std::nullopt;
  std::vector<bool> blank(width, true);
  for (std::string_view l : lines)
    for (size_t p = 0; p < l.size(); ++p)
      if (!std::isspace(static_cast<unsigned char>(l[p]))) blank[p] = false;
  struct Run { size_t b, e; int column; };
  std::vector<Run> runs;
  for (size_t p = 0; p < width;) {
    if (blank[p]) { ++p; continue; }
    size_t b = p;
    while (p < width && !blank[p]) ++p;
    runs.push_back({b, p, -1});
  }
  std::string_view header = lines[0];
  std::vector<std::string> names;
  for (Run& r : runs) {
    std::string_view cell = r.b < header.size() ? Trim(header.substr(r.b, r.e - r.b)) : std::string_view();
    if (cell.empty()) continue;
    if (cell.find_first_of(" \t") != std::string_view::npos) return std::nullopt;  // two names in one run
    r.column = static_cast<int>(names.size());
    names.emplace_back(cell);
  }
  if (names.size() < 2) return std::nullopt;
  // Runs without a name: row labels before the first name, else the next name to the right.
  int next = -1;
  for (size_t i = runs.size(); i-- > 0;) {
    if (runs[i].column >= 0) next = runs[i].column;
    else if (next >= 0 && std::any_of(runs.begin(), runs.begin() + static_cast<std::ptrdiff_t>(i),
                                      [](const Run& r) { return r.column >= 0; }))
      runs[i].column = next;
  }
  TableView t;
  t.format = "text-table";
  for (const std::string& n : names) t.header.push_back(CellText(n));
  size_t sparse = 0, shown = 0;
  bool truncated = false;
  for (size_t i = first; i < lines.size(); ++i) {
    std::vector<std::string> row(names.size());
    size_t filled = 0;
    for (const Run& r : runs) {
      if (r.column < 0 || r.b >= lines[i].size()) continue;
      std::string_view cell = Trim(lines[i].substr(r.b, r.e - r.b));
      if (cell.empty()) continue;
      std::string& out = row[static_cast<size_t>(r.column)];
      if (!out.empty()) out += ' ';
      else ++filled;
      out.append(cell);
    }
    if (AllEllipsis(row) || (filled == 1 && IsEllipsis(row[0]))) {
      truncated = true;
      continue;
    }
    ++shown;
    if (filled * 2 < names.size()) ++sparse;
    for (auto& c : row) c = CellText(c);
    AddSampleRow(t, std::move(row));
  }
  if (shown < 2 || sparse * 10 > shown) return std::nullopt;
  if (footer_rows >= 0) t.row_count = footer_rows;
  else t.row_count_estimated = truncated;
  return t;
}

}  // namespace

std::optional<TableView> ParseFixedWidthTable(std::string_view text) {
  int64_t footer_rows = -1;
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string_view> raw_lines;  // the same lines with their positions, for ParseAligned
  for (std::string_view raw : SplitLines(text)) {
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (line.front() == '[' && line.find(" rows x ") != std::string_view::npos) {  // pandas
      footer_rows = FirstNumber(line);
      continue;
    }
    if (line.front() == '#') {  // tibble: "# A tibble: 1,000 × 3", "# ℹ 990 more rows"
      if (line.find("A tibble:") != std::string_view::npos) footer_rows = FirstNumber(line, line.find(':'));
      continue;
    }
    lines.push_back(SplitWhitespace(line));
    raw_lines.push_back(raw);
  }
  if (lines.size() < 2) return std::nullopt;
  std::vector<std::string> header = lines[0];
  size_t first = 1;
  if (IsTypeRow(lines[1])) first = 2;
  const size_t h = header.size();
  if (h == 0) return std::nullopt;

  // Rows must have the header's width, or one more (row labels). Prose fails this.
  size_t fits = 0, with_index = 0, shown = 0;
  bool truncated = false;
  for (size_t i = first; i < lines.size(); ++i) {
    if (AllEllipsis(lines[i])) {
      truncated = true;
      continue;
    }
    ++shown;
    if (lines[i].size() == h + 1) ++with_index, ++fits;
    else if (lines[i].size() == h) ++fits;
  }
  if (shown == 0 || fits * 10 < shown * 9) return ParseAligned(raw_lines, first, footer_rows);
  if (h == 1 && with_index == 0) return std::nullopt;  // one word per line is a list, not a table

  std::vector<bool> keep(h, true);
  for (size_t c = 0; c < h; ++c)
    if (IsEllipsis(header[c])) keep[c] = false;  // truncated columns
  TableView t;
  t.format = "text-table";
  for (size_t c = 0; c < h; ++c)
    if (keep[c]) t.header.push_back(CellText(header[c]));
  for (size_t i = first; i < lines.size(); ++i) {
    const auto& cells = lines[i];
    if (AllEllipsis(cells)) continue;
    if (cells.size() != h && cells.size() != h + 1) continue;
    size_t offset = cells.size() - h;
    std::vector<std::string> row;
    for (size_t c = 0; c < h; ++c)
      if (keep[c]) row.push_back(cells[c + offset]);
    AddSampleRow(t, std::move(row));
  }
  if (footer_rows >= 0) {
    t.row_count = footer_rows;
  } else {
    t.row_count_estimated = truncated;
  }
  return t;
}

std::vector<TableView> ParseMarkdownTables(std::string_view text) {
  std::vector<TableView> tables;
  std::vector<std::string_view> lines = SplitLines(text);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].find('|') == std::string_view::npos || !IsSeparatorRow(lines[i + 1])) continue;
    TableView t;
    t.format = "markdown";
    t.delimiter = '|';
    t.header = SplitPipes(lines[i]);
    size_t j = i + 2;
    for (; j < lines.size() && lines[j].find('|') != std::string_view::npos && !Trim(lines[j]).empty(); ++j) {
      std::vector<std::string> row = SplitPipes(lines[j]);
      if (AllEllipsis(row)) {
        t.row_count_estimated = true;
        continue;
      }
      row.resize(t.header.size());
      AddSampleRow(t, std::move(row));
    }
    tables.push_back(std::move(t));
    i = j - 1;
  }
  return tables;
}

}  // namespace cg
