#include "content/notebook_reader.h"

#include <simdjson.h>

#include <string>
#include <vector>

#include "content/html_tables.h"
#include "content/json_text.h"
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

Status NotebookReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                              const EmitFn& emit) {
  auto text = ReadBounded(doc, std::min<uint64_t>(kMaxNotebookBytes, limits.max_total_bytes), "notebook");
  if (!text.ok()) return text.status();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(*text).get(root))
    return Status::Corrupt(std::string("invalid notebook JSON: ") + simdjson::error_message(err));
  simdjson::dom::array cells;
  if (root["cells"].get_array().get(cells)) return Status::Corrupt("not a Jupyter notebook: no \"cells\" array");
  size_t index = 0;
  for (simdjson::dom::element c : cells) {
    CellEmitter cell(doc, index++, emit);
    simdjson::dom::object obj;
    if (c.get_object().get(obj)) continue;
    std::string_view type;
    if (obj["cell_type"].get_string().get(type)) continue;
    Status s;
    if (type == "markdown") {
      s = cell.Tables(ParseMarkdownTables(JsonJoinedText(obj["source"])));
    } else if (type == "code") {
      simdjson::dom::array outputs;
      if (obj["outputs"].get_array().get(outputs)) continue;
      for (simdjson::dom::element o : outputs) {
        simdjson::dom::object out;
        if (o.get_object().get(out)) continue;
        s = ExpandOutput(out, cell);
        if (!s.ok()) break;
      }
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace cg
