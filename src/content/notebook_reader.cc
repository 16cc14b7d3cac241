#include "content/notebook_reader.h"

#include <simdjson.h>

#include <string>
#include <vector>

#include "content/html_tables.h"
#include "content/inflation_guard.h"
#include "content/json_text.h"
#include "content/notebook_cells.h"
#include "content/text_tables.h"

namespace cg {
namespace {

// Emits the documents of one cell, numbering members cell[N], cell[N]#2, ...
class CellEmitter {
 public:
  CellEmitter(Document& nb, size_t cell, const EmitFn& emit) : nb_(nb), cell_(cell), emit_(emit) {}

  Status Table(TableView t) {
    std::string m = Member();
    Document child(ChildOrigin(nb_.origin(), m), m, std::move(t), nb_.depth() + 1);
    return emit_(child);
  }
  Status Text(std::string text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Ok();
    std::string m = Member();
    Document child(ChildOrigin(nb_.origin(), m), m, std::make_unique<MemoryStream>(std::move(text)), nb_.depth() + 1);
    return emit_(child);
  }
  Status Tables(std::vector<TableView> tables) {
    for (TableView& t : tables) {
      Status s = Table(std::move(t));
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  std::string Member() {
    ++count_;
    std::string m = "cell[" + std::to_string(cell_) + "]";
    return count_ == 1 ? m : m + "#" + std::to_string(count_);
  }
  Document& nb_;
  size_t cell_;
  const EmitFn& emit_;
  size_t count_ = 0;
};

Status ExpandOutput(simdjson::dom::object out, CellEmitter& cell) {
  std::string_view type;
  if (out["output_type"].get_string().get(type)) return Status::Ok();
  if (type == "stream") return cell.Text(JsonJoinedText(out["text"]));
  if (type != "execute_result" && type != "display_data") return Status::Ok();  // errors: tracebacks
  simdjson::dom::object data;
  if (out["data"].get_object().get(data)) return Status::Ok();
  simdjson::dom::element e;
  if (!data["text/html"].get(e)) {
    std::vector<TableView> tables = ParseHtmlTables(JsonJoinedText(e));
    if (!tables.empty()) return cell.Tables(std::move(tables));
  }
  if (!data["text/markdown"].get(e)) {
    std::vector<TableView> tables = ParseMarkdownTables(JsonJoinedText(e));
    if (!tables.empty()) return cell.Tables(std::move(tables));
  }
  if (!data["text/plain"].get(e)) {
    std::string text = JsonJoinedText(e);
    if (auto t = ParseFixedWidthTable(text)) return cell.Table(std::move(*t));
    return cell.Text(std::move(text));
  }
  return Status::Ok();
}

}  // namespace

Status NotebookReader::Expand(Document& doc, const ContentLimits& /*limits*/, ContentBudget& /*budget*/,
                              const EmitFn& emit) {
  simdjson::dom::parser parser;
  std::vector<size_t> oversized, cut;
  Status st = ForEachNotebookCell(doc, [&](const NotebookCell& c) -> Status {
    if (c.oversized) {
      oversized.push_back(c.index);
      return Status::Ok();
    }
    if (c.cut_strings > 0) cut.push_back(c.index);
    simdjson::dom::element e;
    if (auto err = parser.parse(c.json.data(), c.json.size(), true).get(e))
      return Status::Corrupt("invalid notebook JSON in cell " + std::to_string(c.index) + ": " +
                             simdjson::error_message(err));
    simdjson::dom::object obj;
    if (e.get_object().get(obj)) return Status::Ok();
    CellEmitter cell(doc, c.index, emit);
    std::string_view type;
    if (obj["cell_type"].get_string().get(type)) return Status::Ok();
    if (type == "markdown") return cell.Tables(ParseMarkdownTables(JsonJoinedText(obj["source"])));
    if (type != "code") return Status::Ok();
    simdjson::dom::array outputs;
    if (obj["outputs"].get_array().get(outputs)) return Status::Ok();
    for (simdjson::dom::element o : outputs) {
      simdjson::dom::object out;
      if (o.get_object().get(out)) continue;
      if (Status s = ExpandOutput(out, cell); !s.ok()) return s;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  auto cells = [](const std::vector<size_t>& v) {
    std::string s;
    for (size_t i = 0; i < v.size() && i < 10; ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return v.size() > 10 ? s + ", ..." : s;
  };
  if (!oversized.empty())
    return Status::LimitExceeded("notebook cells " + cells(oversized) + " hold more than " + HumanBytes(kMaxCellBytes) +
                                 " of JSON besides long strings: not analysed (the raw text was searched for secrets)");
  if (!cut.empty())
    return Status::LimitExceeded("notebook cells " + cells(cut) + " have outputs longer than " + HumanBytes(kMaxCellString) +
                                 ": analysed from their first " + HumanBytes(kMaxCellString) +
                                 " (the raw text was searched for secrets whole)");
  return Status::Ok();
}

}  // namespace cg
