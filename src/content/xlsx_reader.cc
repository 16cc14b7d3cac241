#include "content/xlsx_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/archive_input.h"
#include "content/inflation_guard.h"
#include "content/table_sample.h"
#include "content/xml_stream_parser.h"

namespace cg {
namespace {

constexpr uint64_t kMaxStoredStrings = 64ull << 20;  // bytes of shared strings kept when read first

struct Cell {
  size_t col = 0;
  int64_t sst = -1;  // shared-string index, or -1 when `text` holds the value
  std::string text;
  int style = -1;    // cellXfs index of a number cell (a date when its format is one), or -1
};
using Row = std::vector<Cell>;

struct Sheet {
  std::vector<Row> rows;  // rows[0] is the header row
  int64_t data_rows = 0;  // rows with a value, header included
  bool listed = false;    // named by workbook.xml
};

class SheetParser : public XmlStreamParser {
 public:
  explicit SheetParser(Sheet* out) : out_(out) {}

 private:
  void Start(std::string_view n, const char** attrs) override {
    if (n == "row") {
      row_.clear();
      row_has_value_ = false;
      next_col_ = 0;
    } else if (n == "c") {
      const char* ref = Attr(attrs, "r");
      int col = ref ? ColumnOfCellRef(ref) : -1;
      cell_ = Cell{col >= 0 ? static_cast<size_t>(col) : next_col_, -1, "", -1};
      next_col_ = cell_.col + 1;
      const char* t = Attr(attrs, "t");
      type_ = t ? t : "n";
      const char* style = Attr(attrs, "s");
      if (style && type_ == "n") cell_.style = std::atoi(style);
      in_cell_ = true;
    } else if (in_cell_ && (n == "v" || n == "t")) {
      collect_ = true;
    }
  }
  void End(std::string_view n) override {
    if (n == "v" || n == "t") {
      collect_ = false;
    } else if (n == "c" && in_cell_) {
      in_cell_ = false;
      if (cell_.text.empty() || cell_.col >= kMaxColumns) return;
      row_has_value_ = true;
      if (type_ == "s") {
        cell_.sst = std::strtoll(cell_.text.c_str(), nullptr, 10);
        cell_.text.clear();
      } else if (type_ == "b") {
        cell_.text = cell_.text == "1" ? "TRUE" : "FALSE";
      }
      if (out_->rows.size() <= kMaxSampleRows) row_.push_back(std::move(cell_));
    } else if (n == "row") {
      if (!row_has_value_) return;
      ++out_->data_rows;
      if (out_->rows.size() <= kMaxSampleRows) out_->rows.push_back(std::move(row_));
    }
  }
  void Text(std::string_view s) override {
    if (collect_ && cell_.text.size() < kMaxCellBytes) cell_.text.append(s.substr(0, kMaxCellBytes - cell_.text.size()));
  }

  Sheet* out_;
  Row row_;
  Cell cell_;
  std::string type_;
  size_t next_col_ = 0;
  bool row_has_value_ = false, in_cell_ = false, collect_ = false;
};

// sharedStrings.xml: <si> per string, text in <t> (plain) or <r><t> runs; <rPh> is phonetic
// furigana and not part of the value.
class SharedStringsParser : public XmlStreamParser {
 public:
  // Keeps the strings at `wanted` indices, or (when `wanted` is null) all of them up to a cap.
  SharedStringsParser(const std::set<int64_t>* wanted, std::unordered_map<int64_t, std::string>* out)
      : wanted_(wanted), out_(out) {}
  bool capped() const { return capped_; }

 private:
  void Start(std::string_view n, const char**) override {
    if (n == "si") cur_.clear(), in_si_ = true;
    else if (n == "rPh") in_phonetic_ = true;
    else if (n == "t" && in_si_ && !in_phonetic_) collect_ = true;
  }
  void End(std::string_view n) override {
    if (n == "t") collect_ = false;
    else if (n == "rPh") in_phonetic_ = false;
    else if (n == "si") {
      in_si_ = false;
      bool keep = wanted_ ? wanted_->count(index_) > 0 : stored_ + cur_.size() <= kMaxStoredStrings;
      if (!wanted_ && !keep) capped_ = true;
      if (keep) {
        stored_ += cur_.size();
        (*out_)[index_] = std::move(cur_);
      }
      ++index_;
    }
  }
  void Text(std::string_view s) override {
    if (collect_ && cur_.size() < kMaxCellBytes) cur_.append(s.substr(0, kMaxCellBytes - cur_.size()));
  }

  const std::set<int64_t>* wanted_;
  std::unordered_map<int64_t, std::string>* out_;
  std::string cur_;
  int64_t index_ = 0;
  uint64_t stored_ = 0;
  bool in_si_ = false, in_phonetic_ = false, collect_ = false, capped_ = false;
};

// styles.xml: the number format of every cell style (<cellXfs><xf numFmtId>), and which formats
// are dates: the built-in date ids, or a custom <numFmt formatCode> with a year or day part.
// Sheets store a date as a serial day number and say it is a date only through its style.
class StylesParser : public XmlStreamParser {
 public:
  explicit StylesParser(std::vector<bool>* date_styles) : date_styles_(date_styles) {}
  void Finish() {
    date_styles_->clear();
    for (int id : xf_formats_) date_styles_->push_back(IsDateFormat(id));
  }

 private:
  bool IsDateFormat(int id) const {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    auto it = custom_.find(id);
    if (it == custom_.end()) return false;
    // Quoted text, [colour]/[locale] sections and escaped characters are not format codes.
    bool quoted = false, bracket = false;
    for (size_t i = 0; i < it->second.size(); ++i) {
      const char c = it->second[i];
      if (c == '"') quoted = !quoted;
      else if (quoted) continue;
      else if (c == '[') bracket = true;
      else if (c == ']') bracket = false;
      else if (bracket) continue;
      else if (c == '\\' || c == '_' || c == '*') ++i;
      else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') return true;
    }
    return false;
  }
  void Start(std::string_view n, const char** attrs) override {
    if (n == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (id && code) custom_[std::atoi(id)] = code;
    } else if (n == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (n == "xf" && in_cell_xfs_) {
      const char* id = Attr(attrs, "numFmtId");
      xf_formats_.push_back(id ? std::atoi(id) : 0);
    }
  }
  void End(std::string_view n) override {
    if (n == "cellXfs") in_cell_xfs_ = false;
  }
  void Text(std::string_view) override {}

  std::vector<bool>* date_styles_;
  std::map<int, std::string> custom_;
  std::vector<int> xf_formats_;
  bool in_cell_xfs_ = false;
};

// A serial day number as YYYY-MM-DD: days since 1899-12-30 (the 1900 system, whose serial 60
// is the 29 February 1900 that never was) or since 1904-01-01. Empty when out of range.
std::string SerialDate(const std::string& text, bool date1904) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(v >= 1 && v < 2958466)) return "";
  int64_t serial = static_cast<int64_t>(v);
  if (!date1904 && serial == 60) return "";
  // days since 1970-01-01
  int64_t z = date1904 ? serial - 24107 : (serial < 60 ? serial + 1 : serial) - 25569;
  // civil date from days (proleptic Gregorian)
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

struct WorkbookInfo {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  std::map<std::string, std::string> targets;                // relationship id -> part path
  bool date1904 = false;                                     // <workbookPr date1904>
  std::vector<bool> date_styles;                             // per cellXfs index (styles.xml)
};

// workbook.xml (<sheet name r:id>) or its relationships (<Relationship Id Target>); one parser
// per part, both filling one WorkbookInfo.
class WorkbookParser : public XmlStreamParser {
 public:
  explicit WorkbookParser(WorkbookInfo* out) : out_(out) {}

 private:
  WorkbookInfo* out_;
  void Start(std::string_view n, const char** attrs) override {
    if (n == "workbookPr") {
      const char* d = Attr(attrs, "date1904");
      out_->date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    } else if (n == "sheet") {
      const char* name = Attr(attrs, "name");
      const char* id = Attr(attrs, "id");
      if (name && id) out_->sheets.emplace_back(name, id);
    } else if (n == "Relationship") {
      const char* id = Attr(attrs, "Id");
      const char* target = Attr(attrs, "Target");
      if (id && target) {
        std::string t = target;
        out_->targets[id] = t.rfind("/", 0) == 0 ? t.substr(1) : "xl/" + t;
      }
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

std::string Resolve(const Cell& c, const std::unordered_map<int64_t, std::string>& strings, const WorkbookInfo& wb) {
  if (c.sst < 0) {
    if (c.style >= 0 && static_cast<size_t>(c.style) < wb.date_styles.size() && wb.date_styles[c.style]) {
      std::string date = SerialDate(c.text, wb.date1904);
      if (!date.empty()) return date;
    }
    return c.text;
  }
  auto it = strings.find(c.sst);
  return it == strings.end() ? "" : it->second;
}

std::vector<std::string> Dense(const Row& row, const std::unordered_map<int64_t, std::string>& strings,
                               const WorkbookInfo& wb) {
  std::vector<std::string> out;
  for (const Cell& c : row) {
    if (c.col >= out.size()) out.resize(c.col + 1);
    out[c.col] = Resolve(c, strings, wb);
  }
  return out;
}

}  // namespace

int ColumnOfCellRef(const char* ref) {
  int col = 0;
  int letters = 0;
  for (; *ref >= 'A' && *ref <= 'Z'; ++ref) {
    if (++letters > 3) return -1;
    col = col * 26 + (*ref - 'A' + 1);
  }
  return letters == 0 ? -1 : col - 1;
}

Status XlsxReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) {
  auto opened = ArchiveInput::Open(doc, /*zip_only=*/true);
  if (!opened.ok()) return opened.status();
  ArchiveInput& in = **opened;
  InflationGuard guard(limits, budget, "xlsx");
  WorkbookInfo workbook;
  std::map<std::string, Sheet> sheets;  // by part path
  std::unordered_map<int64_t, std::string> strings;
  bool strings_capped = false;
  Status problem;
  for (;;) {
    ArchiveEntryInfo info;
    Status s = NextArchivePart(in, limits.max_members, "xlsx", &info);
    if (s.code() == StatusCode::kNotFound) break;
    if (!s.ok()) {
      problem = s;
      break;
    }
    if (info.encrypted) return Status::Unsupported("encrypted xlsx part '" + info.path + "': not read");
    const std::string& p = info.path;
    if (p == "xl/workbook.xml" || p == "xl/_rels/workbook.xml.rels") {
      WorkbookParser parser(&workbook);
      s = ParseArchivePart(in, parser, guard, p);
    } else if (p.rfind("xl/worksheets/", 0) == 0 && p.size() > 4 && p.compare(p.size() - 4, 4, ".xml") == 0) {
      SheetParser parser(&sheets[p]);
      s = ParseArchivePart(in, parser, guard, p);
    } else if (p == "xl/styles.xml") {
      StylesParser parser(&workbook.date_styles);
      s = ParseArchivePart(in, parser, guard, p);
      parser.Finish();
    } else if (p == "xl/sharedStrings.xml") {
      std::set<int64_t> wanted;
      for (auto& [path, sheet] : sheets)
        for (const Row& row : sheet.rows)
          for (const Cell& c : row)
            if (c.sst >= 0) wanted.insert(c.sst);
      SharedStringsParser parser(sheets.empty() ? nullptr : &wanted, &strings);
      s = ParseArchivePart(in, parser, guard, p);
      strings_capped = parser.capped();
    }
    if (!s.ok()) {
      problem = s;
      if (s.code() == StatusCode::kLimitExceeded || in.source_failed()) break;
    }
  }
  // Sheets in workbook order, named as the user sees them; parts the workbook does not list
  // (or all of them, when workbook.xml was unreadable) under their part path.
  std::vector<std::pair<std::string, Sheet*>> order;
  for (const auto& [name, id] : workbook.sheets) {
    auto t = workbook.targets.find(id);
    if (t == workbook.targets.end()) continue;
    auto it = sheets.find(t->second);
    if (it == sheets.end()) continue;
    it->second.listed = true;
    if (!it->second.rows.empty()) order.emplace_back(name, &it->second);
  }
  for (auto& [path, sheet] : sheets)
    if (!sheet.listed && !sheet.rows.empty()) order.emplace_back(path, &sheet);
  for (auto& [name, sheet] : order) {
    TableView t;
    t.format = "xlsx";
    t.header = Dense(sheet->rows[0], strings, workbook);
    for (size_t r = 1; r < sheet->rows.size(); ++r) {
      std::vector<std::string> row = Dense(sheet->rows[r], strings, workbook);
      row.resize(std::max(row.size(), t.header.size()));
      AddSampleRow(t, std::move(row));
    }
    t.row_count = sheet->data_rows - 1;
    Document child(ChildOrigin(doc.origin(), name), name, std::move(t), doc.depth() + 1);
    Status s = emit(child);
    if (!s.ok()) return s;
  }
  if (problem.ok() && strings_capped)
    problem = Status::LimitExceeded("xlsx shared strings past " + HumanBytes(kMaxStoredStrings) + " were not kept");
  return problem;
}

}  // namespace cg
