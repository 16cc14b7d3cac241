#include "content/knitr_outputs.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "content/json_text.h"
#include "content/table_sample.h"
#include "content/text_tables.h"

namespace cg {
namespace {

// ASCII only (tag names), without a locale-aware library call per byte.
bool StartsWithNoCase(std::string_view s, size_t at, std::string_view p) {
  if (at > s.size() || s.size() - at < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = s[at + i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) != p[i]) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view s, std::string_view p, size_t from) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1))
    if (StartsWithNoCase(s, i, p)) return i;
  return std::string_view::npos;
}

// The text of a <pre> block: tags dropped (<code>, highlighting <span>s), the entities knitr
// and pandoc write decoded, newlines kept.
std::string PreText(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      size_t gt = s.find('>', i);
      i = gt == std::string_view::npos ? s.size() : gt + 1;
      continue;
    }
    if (s[i] == '&') {
      bool done = false;
      for (auto [name, value] : kNamed)
        if (s.substr(i, name.size()) == name) {
          out += value;
          i += name.size();
          done = true;
          break;
        }
      if (done) continue;
    }
    out += s[i++];
  }
  return out;
}

// knitr's output lines without the "## " prefix; empty when any non-blank line lacks it (a
// source block, or output printed with another comment setting).
std::vector<std::string_view> OutputLines(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::string_view line : SplitLines(text)) {
    if (Trim(line).empty()) continue;
    if (line.substr(0, 2) != "##") return {};
    line.remove_prefix(2);
    if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
    out.push_back(line);
  }
  return out;
}

std::string_view FirstToken(std::string_view line) {
  line = Trim(line);
  size_t e = line.find_first_of(" \t");
  return line.substr(0, e);
}

std::string Join(const std::vector<std::string_view>& lines, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e; ++i) s.append(lines[i]).push_back('\n');
  return s;
}

// A data.frame wider than the console prints in column groups, each a header line and the same
// row labels again. The groups are parsed one by one and joined when their rows line up.
std::optional<TableView> ParsePrint(const std::vector<std::string_view>& lines) {
  if (lines.size() < 2) return std::nullopt;
  std::string_view first_label = FirstToken(lines[1]);
  std::vector<size_t> starts{0};
  // Line i repeats the first row label after at least one row of the group before: line i-1 is
  // the next group's header.
  for (size_t i = 3; i < lines.size(); ++i)
    if (FirstToken(lines[i]) == first_label && i - 1 > starts.back() + 1) starts.push_back(i - 1);
  if (starts.size() == 1) return ParseFixedWidthTable(Join(lines, 0, lines.size()));
  std::optional<TableView> joined;
  for (size_t g = 0; g < starts.size(); ++g) {
    size_t end = g + 1 < starts.size() ? starts[g + 1] : lines.size();
    std::optional<TableView> part = ParseFixedWidthTable(Join(lines, starts[g], end));
    if (!part) return g == 0 ? std::nullopt : joined;
    if (!joined) {
      joined = std::move(part);
      continue;
    }
    if (part->rows.size() != joined->rows.size() || part->row_count != joined->row_count) return joined;
    joined->header.insert(joined->header.end(), part->header.begin(), part->header.end());
    for (size_t r = 0; r < part->rows.size(); ++r)
      joined->rows[r].insert(joined->rows[r].end(), part->rows[r].begin(), part->rows[r].end());
  }
  return joined;
}

// A JSON value that rmarkdown/jsonlite may have boxed in a one-element array.
std::string Unboxed(simdjson::dom::element e) {
  simdjson::dom::array a;
  if (!e.get_array().get(a)) return a.size() ? JsonCellText(a.at(0).value_unsafe()) : "";
  return JsonCellText(e);
}

std::optional<TableView> ParsePaged(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size(), true).get(root)) return std::nullopt;
  simdjson::dom::array columns, data;
  if (root["columns"].get_array().get(columns) || root["data"].get_array().get(data)) return std::nullopt;
  TableView t;
  t.format = "knitr-paged";
  std::vector<std::string> keys;
  for (simdjson::dom::element c : columns) {
    if (keys.size() >= kMaxColumns) break;
    simdjson::dom::element name;
    if (c["name"].get(name)) continue;
    std::string key = Unboxed(name);
    if (key == "_rn_") continue;  // row names
    simdjson::dom::element label;
    t.header.push_back(CellText(c["label"].get(label) ? key : Unboxed(label)));
    keys.push_back(std::move(key));
  }
  for (simdjson::dom::element row : data) {
    simdjson::dom::object o;
    if (row.get_object().get(o)) continue;
    if (t.rows.size() >= kMaxSampleRows) {
      ++t.row_count;
      continue;
    }
    std::vector<std::string> cells;
    for (const std::string& k : keys) {
      simdjson::dom::element v;
      std::string cell = o[k].get(v) ? "" : Unboxed(v);
      cells.push_back(cell == "__NA__" ? "" : std::move(cell));
    }
    AddSampleRow(t, std::move(cells));
  }
  // rmarkdown keeps head(x, max.print): 1000 rows unless set, never more than 10000.
  t.row_count_estimated = t.row_count == 1000 || t.row_count == 10000;
  return t;
}

}  // namespace

std::vector<TableView> ParseKnitrOutputs(std::string_view html, size_t* more) {
  if (more) *more = 0;
  std::vector<TableView> out;
  auto add = [&](std::optional<TableView> t) {
    if (!t || t->header.empty()) return;
    if (out.size() < kMaxKnitrOutputs) out.push_back(std::move(*t));
    else if (more) ++*more;
  };
  // A printed frame's lines start with "##" and a paged one sits in a script tagged
  // data-pagedtable-source: a page with neither (most documentation pages) has no output to read.
  const bool prints = html.find("##") != std::string_view::npos;
  const bool paged = html.find("data-pagedtable-source") != std::string_view::npos;
  size_t pre = prints ? FindNoCase(html, "<pre", 0) : std::string_view::npos;
  size_t script = paged ? FindNoCase(html, "<script", 0) : std::string_view::npos;
  while (pre != std::string_view::npos || script != std::string_view::npos) {
    if (pre < script) {
      size_t body = html.find('>', pre);
      size_t end = body == std::string_view::npos ? body : FindNoCase(html, "</pre", body);
      if (end == std::string_view::npos) break;
      std::string text = PreText(html.substr(body + 1, end - body - 1));
      std::vector<std::string_view> lines = OutputLines(text);
      if (!lines.empty()) {
        // One printed row is a record or a named vector such as table()'s counts, not a frame.
        std::optional<TableView> t = ParsePrint(lines);
        if (t && t->row_count >= 2) {
          t->format = "knitr-print";
          add(std::move(t));
        }
      }
      pre = FindNoCase(html, "<pre", end + 1);
      if (script != std::string_view::npos && script < end) script = FindNoCase(html, "<script", end + 1);
    } else {
      size_t body = html.find('>', script);
      size_t end = body == std::string_view::npos ? body : FindNoCase(html, "</script", body);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(script, body - script);
      if (tag.find("data-pagedtable-source") != std::string_view::npos) add(ParsePaged(html.substr(body + 1, end - body - 1)));
      script = FindNoCase(html, "<script", end + 1);
      if (pre != std::string_view::npos && pre < end) pre = FindNoCase(html, "<pre", end + 1);
    }
  }
  return out;
}

}  // namespace cg
