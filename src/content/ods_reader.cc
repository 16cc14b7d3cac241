#include "content/ods_reader.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "content/archive_input.h"
#include "content/inflation_guard.h"
#include "content/table_sample.h"
#include "content/xml_stream_parser.h"

namespace cg {
namespace {

struct Sheet {
  std::string name;
  TableView table;
  bool has_header = false;
};

// A repeat count from table:number-rows-repeated / number-columns-repeated (1 when absent or
// malformed).
uint64_t Repeat(const char* v) {
  if (!v) return 1;
  char* end = nullptr;
  unsigned long long n = std::strtoull(v, &end, 10);
  return end != v && n > 0 ? n : 1;
}

class ContentParser : public XmlStreamParser {
 public:
  explicit ContentParser(std::vector<Sheet>* out) : out_(out) {}

 private:
  void Start(std::string_view n, const char** attrs) override {
    if (n == "table" && depth_++ == 0) {
      const char* name = Attr(attrs, "name");
      out_->push_back(Sheet{name ? name : "sheet " + std::to_string(out_->size() + 1), {}, false});
      out_->back().table.format = "ods";
    } else if (depth_ == 0) {
      return;
    } else if (n == "table-row") {
      row_.clear();
      row_repeat_ = Repeat(Attr(attrs, "number-rows-repeated"));
      col_ = 0;
    } else if (n == "table-cell" || n == "covered-table-cell") {
      in_cell_ = true;
      col_repeat_ = Repeat(Attr(attrs, "number-columns-repeated"));
      text_.clear();
      paragraphs_ = 0;
      value_.clear();
      for (const char* key : {"value", "date-value", "time-value", "boolean-value"})
        if (const char* v = Attr(attrs, key)) {
          value_ = v;
          break;
        }
    } else if (n == "annotation") {
      ++annotation_;
    } else if (in_cell_ && !annotation_ && n == "p") {
      if (paragraphs_++ > 0) Append("\n");
    } else if (in_cell_ && !annotation_ && n == "s") {
      Append(std::string(std::min<uint64_t>(Repeat(Attr(attrs, "c")), 64), ' '));
    } else if (in_cell_ && !annotation_ && (n == "tab" || n == "line-break")) {
      Append(n == "tab" ? "\t" : "\n");
    }
  }

  void End(std::string_view n) override {
    if (depth_ == 0) return;
    if (n == "table") {
      if (--depth_ == 0) Finish();
    } else if (n == "annotation") {
      --annotation_;
    } else if (n == "table-cell" || n == "covered-table-cell") {
      in_cell_ = false;
      std::string cell = CellText(text_.empty() ? value_ : text_);
      if (!cell.empty() && col_ < kMaxColumns) {
        uint64_t end = std::min<uint64_t>(col_ + col_repeat_, kMaxColumns);
        if (row_.size() < end) row_.resize(end);
        for (uint64_t c = col_; c < end; ++c) row_[c] = cell;
      }
      col_ = std::min<uint64_t>(col_ + col_repeat_, kMaxColumns);
    } else if (n == "table-row") {
      if (row_.empty()) return;  // blank rows (however often repeated) are not rows of the table
      Sheet& s = out_->back();
      uint64_t repeat = row_repeat_;
      if (!s.has_header) {
        s.has_header = true;
        s.table.header = row_;
        --repeat;
      }
      for (uint64_t i = 0; i < repeat; ++i) {
        if (s.table.rows.size() >= kMaxSampleRows) {
          s.table.row_count += static_cast<int64_t>(repeat - i);
          break;
        }
        AddSampleRow(s.table, row_);
      }
    }
  }

  void Text(std::string_view s) override {
    if (in_cell_ && !annotation_ && paragraphs_ > 0) Append(s);
  }

  void Append(std::string_view s) {
    if (text_.size() < kMaxCellBytes) text_.append(s.substr(0, kMaxCellBytes - text_.size()));
  }

  void Finish() {
    Sheet& s = out_->back();
    for (auto& row : s.table.rows) row.resize(std::max(row.size(), s.table.header.size()));
  }

  std::vector<Sheet>* out_;
  std::vector<std::string> row_;
  std::string text_, value_;
  uint64_t row_repeat_ = 1, col_repeat_ = 1, col_ = 0;
  int depth_ = 0, annotation_ = 0, paragraphs_ = 0;
  bool in_cell_ = false;
};

}  // namespace

Status OdsReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) {
  auto opened = ArchiveInput::Open(doc, /*zip_only=*/true);
  if (!opened.ok()) return opened.status();
  ArchiveInput& in = **opened;
  InflationGuard guard(limits, budget, "ods");
  std::vector<Sheet> sheets;
  Status problem;
  bool content_seen = false;
  for (;;) {
    ArchiveEntryInfo info;
    Status s = NextArchivePart(in, limits.max_members, "ods", &info);
    if (s.code() == StatusCode::kNotFound) break;
    if (!s.ok()) {
      problem = s;
      break;
    }
    if (info.path != "content.xml") continue;
    if (info.encrypted) return Status::Unsupported("encrypted ods (content.xml): not read");
    content_seen = true;
    ContentParser parser(&sheets);
    problem = ParseArchivePart(in, parser, guard, info.path);
    break;  // content.xml holds every sheet
  }
  for (auto& sheet : sheets) {
    if (!sheet.has_header) continue;
    Document child(ChildOrigin(doc.origin(), sheet.name), sheet.name, std::move(sheet.table), doc.depth() + 1);
    if (Status s = emit(child); !s.ok()) return s;
  }
  if (problem.ok() && !content_seen) return Status::Corrupt("ods without content.xml: no sheet could be read");
  return problem;
}

}  // namespace cg
