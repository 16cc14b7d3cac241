#include "content/odm_reader.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "content/record_table.h"
#include "content/table_sample.h"
#include "content/xml_stream_parser.h"

namespace cg {
namespace {

constexpr size_t kMaxItemDefs = 200000;

bool IsItemData(std::string_view local) {
  // ItemData, and ODM 1.3's typed variants (ItemDataString, ItemDataInteger, ...); not
  // ItemGroupData.
  return local.substr(0, 8) == "ItemData";
}

class OdmParser : public XmlStreamParser {
 public:
  RecordTable& table() { return table_; }

 private:
  void Start(std::string_view n, const char** attrs) override {
    if (n == "ItemDef") {
      const char* oid = Attr(attrs, "OID");
      const char* name = Attr(attrs, "Name");
      if (oid && name && *name && names_.size() < kMaxItemDefs) names_.emplace(oid, name);
    } else if (n == "SubjectData") {
      in_subject_ = true;
      keep_ = !table_.sample_full();
      record_.clear();
      if (keep_) {
        const char* key = Attr(attrs, "SubjectKey");
        record_.emplace_back("subject_id", CellText(key ? key : ""));
      }
    } else if (in_subject_ && IsItemData(n)) {
      const char* oid = Attr(attrs, "ItemOID");
      if (!oid || !keep_ || record_.size() >= kMaxColumns) return;
      ++item_depth_;
      auto it = names_.find(oid);
      column_ = it != names_.end() ? it->second : oid;
      const char* value = Attr(attrs, "Value");
      has_value_attr_ = value != nullptr;
      text_ = value ? value : "";
    } else if (item_depth_ > 0) {
      ++item_depth_;  // ODM 2.0 <Value> children: their text is the value
    }
  }

  void End(std::string_view n) override {
    if (item_depth_ > 0) {
      if (--item_depth_ == 0) record_.emplace_back(std::move(column_), CellText(text_));
      return;
    }
    if (n == "SubjectData" && in_subject_) {
      in_subject_ = false;
      if (keep_) table_.Add(std::move(record_));
      else table_.CountOnly();
      record_.clear();
    }
  }

  void Text(std::string_view text) override {
    if (item_depth_ > 0 && !has_value_attr_ && text_.size() < kMaxCellBytes) text_.append(text);
  }

  RecordTable table_;
  std::unordered_map<std::string, std::string> names_;
  Record record_;
  bool in_subject_ = false, keep_ = false, has_value_attr_ = false;
  int item_depth_ = 0;
  std::string column_, text_;
};

}  // namespace

Status OdmReader::Expand(Document& doc, const ContentLimits& /*limits*/, ContentBudget& /*budget*/,
                         const EmitFn& emit) {
  OdmParser parser;
  std::vector<char> buf(1 << 16);
  Status status;
  for (;;) {
    auto r = doc.Read(buf.data(), buf.size());
    if (!r.ok()) {
      status = r.status();
      break;
    }
    status = parser.Feed(std::string_view(buf.data(), *r), *r == 0, "ODM XML");
    if (!status.ok() || *r == 0) break;
  }
  if (!parser.table().empty()) {
    Document child(doc.origin(), doc.name(), parser.table().Finish("odm-subjects"), doc.depth() + 1);
    Status s = emit(child);
    if (!s.ok()) return s;
  }
  return status;
}

}  // namespace cg
