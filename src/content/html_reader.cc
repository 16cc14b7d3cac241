#include "content/html_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "content/html_tables.h"
#include "content/inflation_guard.h"
#include "content/knitr_outputs.h"

namespace cg {

Status HtmlReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                          const EmitFn& emit) {
  const uint64_t max_page = std::min<uint64_t>(kMaxHtmlBytes, limits.max_held_bytes);
  std::string page;
  std::vector<char> buf(1 << 16);
  bool cut = false;
  for (;;) {
    auto r = doc.Read(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    if (page.size() + *r > max_page) {
      cut = true;
      break;
    }
    page.append(buf.data(), *r);
  }
  size_t more = 0;
  std::vector<TableView> tables = ParseHtmlTables(page, &more);
  for (size_t k = 0; k < tables.size(); ++k) {
    std::string member = "table[" + std::to_string(k) + "]";
    Document child(ChildOrigin(doc.origin(), member), member, std::move(tables[k]), doc.depth() + 1);
    Status s = emit(child);
    if (!s.ok()) return s;
  }
  size_t more_outputs = 0;
  std::vector<TableView> outputs = ParseKnitrOutputs(page, &more_outputs);
  for (size_t k = 0; k < outputs.size(); ++k) {
    std::string member = "output[" + std::to_string(k) + "]";
    Document child(ChildOrigin(doc.origin(), member), member, std::move(outputs[k]), doc.depth() + 1);
    Status s = emit(child);
    if (!s.ok()) return s;
  }
  if (cut) return Status::LimitExceeded("HTML page larger than " + HumanBytes(max_page) + ": only its start was searched for tables");
  if (more > 0) return Status::LimitExceeded(std::to_string(more) + " tables past the first " + std::to_string(kMaxHtmlTables) + " were not read");
  if (more_outputs > 0)
    return Status::LimitExceeded(std::to_string(more_outputs) + " printed outputs past the first " +
                                 std::to_string(kMaxKnitrOutputs) + " were not read");
  return Status::Ok();
}

}  // namespace cg
