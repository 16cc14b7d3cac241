#include "content/xlsx_reader.h"

#include <algorithm>
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
      cell_ = Cell{col >= 0 ? static_cast<size_t>(col) : next_col_, -1, ""};
      next_col_ = cell_.col + 1;
      const char* t = Attr(attrs, "t");
      type_ = t ? t : "n";
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

struct WorkbookInfo {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  std::map<std::string, std::string> targets;                // relationship id -> part path
};

// workbook.xml (<sheet name r:id>) or its relationships (<Relationship Id Target>); one parser
// per part, both filling one WorkbookInfo.
class WorkbookParser : public XmlStreamParser {
 public:
  explicit WorkbookParser(WorkbookInfo* out) : out_(out) {}

 private:
  WorkbookInfo* out_;
  void Start(std::string_view n, const char** attrs) override {
    if (n == "sheet") {
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

std::string Resolve(const Cell& c, const std::unordered_map<int64_t, std::string>& strings) {
  if (c.sst < 0) return c.text;
  auto it = strings.find(c.sst);
  return it == strings.end() ? "" : it->second;
}

std::vector<std::string> Dense(const Row& row, const std::unordered_map<int64_t, std::string>& strings) {
  std::vector<std::string> out;
  for (const Cell& c : row) {
    if (c.col >= out.size()) out.resize(c.col + 1);
    out[c.col] = Resolve(c, strings);
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
    t.header = Dense(sheet->rows[0], strings);
    for (size_t r = 1; r < sheet->rows.size(); ++r) {
      std::vector<std::string> row = Dense(sheet->rows[r], strings);
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
