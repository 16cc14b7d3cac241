#include "content/rdata_reader.h"

#include <cmath>
#include <cstdlib>

#include "content/r_serialization.h"
#include "content/structured_input.h"

namespace cg {
namespace {

constexpr int kMaxListDepth = 3;      // data frames inside lists inside lists ...
constexpr size_t kMaxTables = 1000;   // per file

std::string Cell(const RObject& column, size_t row) {
  if (column.type == kRString) return row < column.strings.size() ? column.strings[row] : "";
  if (row >= column.numbers.size()) return "";
  const double v = column.numbers[row];
  if (std::isnan(v)) return "";
  if (column.type == kRLogical) return v != 0 ? "TRUE" : "FALSE";
  if (column.type == kRInteger) {
    if (const RObject* levels = column.Attribute("levels"); levels && levels->type == kRString) {
      const long code = static_cast<long>(v);  // factor codes are 1-based
      return code >= 1 && static_cast<size_t>(code) <= levels->strings.size() ? levels->strings[code - 1] : "";
    }
  }
  return FormatSampleNumber(v);
}

TableView DataFrameTable(const RObject& df, const char* format) {
  TableView t;
  t.format = format;
  if (const RObject* names = df.Attribute("names")) t.header = names->strings;
  t.header.resize(df.items.size());  // data frames name every column; be safe if not
  const RObject* row_names = df.Attribute("row.names");
  if (row_names && row_names->type == kRInteger && row_names->length == 2 && row_names->numbers.size() == 2 &&
      std::isnan(row_names->numbers[0])) {
    t.row_count = static_cast<int64_t>(std::fabs(row_names->numbers[1]));  // compact c(NA, -n)
  } else if (row_names) {
    t.row_count = row_names->length;
  } else if (!df.items.empty()) {
    t.row_count = df.items[0].length;
  }
  const size_t sampled = std::min<size_t>(t.row_count, kStructuredSampleRows);
  for (size_t r = 0; r < sampled; ++r) {
    std::vector<std::string> row;
    row.reserve(df.items.size());
    for (const auto& column : df.items) row.push_back(Cell(column, r));
    t.rows.push_back(std::move(row));
  }
  return t;
}

void Collect(const RObject& obj, const std::string& member, const char* format, int depth,
             std::vector<NamedTable>* out) {
  if (out->size() >= kMaxTables) return;
  if (obj.type == kRList && obj.Inherits("data.frame")) {
    out->push_back({member, DataFrameTable(obj, format)});
    return;
  }
  if (depth >= kMaxListDepth) return;
  if (obj.type == kRList || obj.type == kRPairList) {
    const RObject* names = obj.Attribute("names");
    for (size_t i = 0; i < obj.items.size(); ++i) {
      std::string name = obj.type == kRPairList ? obj.tags[i]
                         : names && i < names->strings.size() && !names->strings[i].empty()
                             ? names->strings[i]
                             : "[[" + std::to_string(i + 1) + "]]";
      std::string child = member.empty() ? name : member + "$" + name;
      Collect(obj.items[i], child, format, depth + 1, out);
    }
  }
}

}  // namespace

Expected<std::vector<NamedTable>> ReadRDataTables(std::string_view data) {
  const bool rdata = data.substr(0, 2) == "RD";
  auto root = ParseRSerialization(data, rdata, kStructuredSampleRows);
  if (!root.ok()) return root.status();
  std::vector<NamedTable> tables;
  // .RData: a pairlist of saved objects, each named by its tag.
  Collect(*root, "", rdata ? "rdata" : "rds", rdata ? -1 : 0, &tables);
  return tables;
}

Status RDataReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                           const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "R");
  if (!data.ok()) return data.status();
  auto tables = ReadRDataTables(*data);
  if (!tables.ok()) return tables.status();
  for (auto& t : *tables) {
    Document child = TableChild(doc, t.member, std::move(t.table));
    if (Status s = emit(child); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace cg
