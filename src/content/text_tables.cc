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

}  // namespace

std::optional<TableView> ParseFixedWidthTable(std::string_view text) {
  int64_t footer_rows = -1;
  std::vector<std::vector<std::string>> lines;
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
  if (shown == 0 || fits * 10 < shown * 9) return std::nullopt;
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
