#include "content/html_tables.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "content/table_sample.h"

namespace cg {
namespace {

struct Cell {
  std::string text;
  bool th = false;
};
using Row = std::vector<Cell>;

// ASCII only (tag names): std::tolower is a locale-aware library call per byte, which made
// the tag loop the largest cost of reading an HTML page.
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view p) {
  if (s.size() - at < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (AsciiLower(s[at + i]) != p[i]) return false;
  return true;
}

// Index just past the '>' closing the tag that starts at `lt`, quotes respected.
size_t TagEnd(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10ffff) cp = 0xfffd;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

// Appends text with entities decoded and whitespace collapsed; stops growing at kMaxCellBytes.
void AppendText(std::string& out, std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"}, {"nbsp;", " "}, {"times;", "\xc3\x97"}};
  for (size_t i = 0; i < s.size() && out.size() < kMaxCellBytes; ++i) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == '&') {
      std::string_view rest = s.substr(i + 1, 12);
      bool done = false;
      if (!rest.empty() && rest[0] == '#') {
        size_t semi = rest.find(';');
        if (semi != std::string_view::npos && semi > 1) {
          bool hex = rest[1] == 'x' || rest[1] == 'X';
          std::string digits(rest.substr(hex ? 2 : 1, semi - (hex ? 2 : 1)));
          uint32_t cp = 0;
          bool ok = !digits.empty();
          for (char d : digits) {
            int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(d)) ? std::tolower(d) - 'a' + 10 : -1;
            if (v < 0 || cp > 0x10ffff) { ok = false; break; }
            cp = cp * (hex ? 16 : 10) + v;
          }
          if (ok) {
            AppendUtf8(out, cp);
            i += semi + 1;
            done = true;
          }
        }
      } else {
        for (auto [name, value] : kNamed)
          if (rest.substr(0, name.size()) == name) {
            out += value;
            i += name.size();
            done = true;
            break;
          }
      }
      if (done) continue;
    }
    out += c;
  }
}

class Scanner {
 public:
  explicit Scanner(std::string_view html) : s_(html) {}

  std::vector<TableView> Run(size_t* more) {
    size_t i = 0;
    while (i < s_.size()) {
      size_t lt = s_.find('<', i);
      if (lt == std::string_view::npos) lt = s_.size();
      if (in_cell_) AppendText(cell_.text, s_.substr(i, lt - i));
      if (lt == s_.size()) break;
      if (s_.compare(lt, 4, "<!--") == 0) {
        size_t end = s_.find("-->", lt + 4);
        i = end == std::string_view::npos ? s_.size() : end + 3;
        continue;
      }
      size_t gt = TagEnd(s_, lt);
      bool closing = lt + 1 < s_.size() && s_[lt + 1] == '/';
      size_t name_at = lt + (closing ? 2 : 1);
      size_t name_end = name_at;
      while (name_end < gt && std::isalnum(static_cast<unsigned char>(s_[name_end]))) ++name_end;
      // Only short names matter (table, tr, td, th, br, script, style): no string per tag.
      char lowered[8];
      const size_t length = name_end - name_at;
      if (length < sizeof lowered)
        for (size_t k = 0; k < length; ++k) lowered[k] = AsciiLower(s_[name_at + k]);
      const std::string_view name(lowered, length < sizeof lowered ? length : 0);
      i = gt;
      if (!closing && (name == "script" || name == "style")) {
        size_t end = s_.size();
        for (size_t k = s_.find("</", gt); k != std::string_view::npos; k = s_.find("</", k + 2))
          if (StartsWithNoCase(s_, k + 2, name)) {
            end = k;
            break;
          }
        i = end;
        continue;
      }
      Tag(name, closing, gt, more);
    }
    while (depth_ > 0) CloseTable(s_.size(), more);
    return std::move(tables_);
  }

 private:
  void Tag(std::string_view name, bool closing, size_t after, size_t* more) {
    if (name == "table") {
      if (!closing) {
        if (++depth_ == 1) rows_.clear();
      } else if (depth_ > 0) {
        CloseTable(after, more);
      }
      return;
    }
    if (depth_ != 1) {
      if (in_cell_ && name == "br") cell_.text += ' ';
      return;
    }
    if (name == "tr") {
      CloseRow();
      if (!closing) in_row_ = true;
    } else if (name == "td" || name == "th") {
      CloseCell();
      if (!closing) {
        if (!in_row_) in_row_ = true;
        in_cell_ = true;
        cell_ = Cell{"", name == "th"};
      }
    } else if (name == "br" && in_cell_) {
      cell_.text += ' ';
    }
  }

  void CloseCell() {
    if (!in_cell_) return;
    in_cell_ = false;
    while (!cell_.text.empty() && cell_.text.back() == ' ') cell_.text.pop_back();
    row_.push_back(std::move(cell_));
    cell_ = Cell{};
  }
  void CloseRow() {
    CloseCell();
    if (in_row_ && !row_.empty()) {
      ++row_total_;
      if (rows_.size() < kMaxSampleRows + 8) rows_.push_back(std::move(row_));
    }
    row_.clear();
    in_row_ = false;
  }

  void CloseTable(size_t after, size_t* more) {
    if (depth_-- != 1) return;
    CloseRow();
    if (!rows_.empty()) {
      if (tables_.size() < kMaxHtmlTables)
        tables_.push_back(Build(after));
      else if (more)
        ++*more;
    }
    rows_.clear();
    row_total_ = 0;
  }

  TableView Build(size_t after) {
    TableView t;
    t.format = "html";
    size_t r = 0;
    for (auto& c : rows_[r]) t.header.push_back(c.text);
    ++r;
    // pandas with a named index prints a second header row: the index name and blanks.
    if (r < rows_.size() && std::all_of(rows_[r].begin(), rows_[r].end(), [](const Cell& c) { return c.th; }) &&
        std::count_if(rows_[r].begin(), rows_[r].end(), [](const Cell& c) { return !c.text.empty(); }) <= 1 &&
        rows_[r].size() > 1) {
      ++r;
    }
    const size_t header_rows = r;
    bool index_column = !t.header.empty() && t.header[0].empty() && r < rows_.size() && !rows_[r].empty() &&
                        rows_[r][0].th && rows_[r].size() == t.header.size();
    if (index_column) t.header.erase(t.header.begin());
    bool truncated = false;
    for (; r < rows_.size(); ++r) {
      std::vector<std::string> row;
      for (size_t c = index_column ? 1 : 0; c < rows_[r].size(); ++c) row.push_back(rows_[r][c].text);
      if (!row.empty() && std::all_of(row.begin(), row.end(), [](const std::string& v) { return v == "..."; })) {
        truncated = true;
        continue;
      }
      AddSampleRow(t, std::move(row));
    }
    t.row_count = static_cast<int64_t>(row_total_ - header_rows) - (truncated ? 1 : 0);
    t.row_count_estimated = truncated;
    // pandas: <p>5000 rows × 3 columns</p> follows the closing </div> of a truncated frame.
    std::string_view tail = s_.substr(after, 200);
    size_t rows_word = tail.find(" rows ");
    std::string_view by = rows_word == std::string_view::npos ? "" : tail.substr(rows_word + 6);
    if (by.substr(0, 2) == "\xc3\x97" || by.substr(0, 2) == "x " || by.substr(0, 7) == "&times;") {
      size_t b = rows_word;
      while (b > 0 && (std::isdigit(static_cast<unsigned char>(tail[b - 1])) || tail[b - 1] == ',')) --b;
      if (b < rows_word) {
        int64_t n = 0;
        for (size_t k = b; k < rows_word; ++k)
          if (tail[k] != ',') n = n * 10 + (tail[k] - '0');
        t.row_count = n;
        t.row_count_estimated = false;
      }
    }
    return t;
  }

  std::string_view s_;
  int depth_ = 0;
  bool in_row_ = false, in_cell_ = false;
  Cell cell_;
  Row row_;
  std::vector<Row> rows_;
  size_t row_total_ = 0;
  std::vector<TableView> tables_;
};

}  // namespace

std::vector<TableView> ParseHtmlTables(std::string_view html, size_t* more) {
  if (more) *more = 0;
  // Most pages (a documentation site's, in every commit of its history) hold no table: one pass
  // over the '<'s instead of parsing every tag of them.
  bool any = false;
  for (size_t lt = html.find('<'); lt != std::string_view::npos && !any; lt = html.find('<', lt + 1))
    any = StartsWithNoCase(html, lt + 1, "table");
  if (!any) return {};
  return Scanner(html).Run(more);
}

}  // namespace cg
