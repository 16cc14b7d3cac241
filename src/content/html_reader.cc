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
  // Tables and knitr outputs become members named by kind and position.
  auto emit_all = [&](const char* kind, std::vector<TableView> views) -> Status {
    for (size_t k = 0; k < views.size(); ++k) {
      std::string member = std::string(kind) + "[" + std::to_string(k) + "]";
      Document child(ChildOrigin(doc.origin(), member), member, std::move(views[k]), doc.depth() + 1);
      if (Status s = emit(child); !s.ok()) return s;
    }
    return Status::Ok();
  };
  if (Status s = emit_all("table", ParseHtmlTables(page, &more)); !s.ok()) return s;
  size_t more_outputs = 0;
  if (Status s = emit_all("output", ParseKnitrOutputs(page, &more_outputs)); !s.ok()) return s;
  if (cut) return Status::LimitExceeded("HTML page larger than " + HumanBytes(max_page) + ": only its start was searched for tables");
  if (more > 0) return Status::LimitExceeded(std::to_string(more) + " tables past the first " + std::to_string(kMaxHtmlTables) + " were not read");
  if (more_outputs > 0)
    return Status::LimitExceeded(std::to_string(more_outputs) + " printed outputs past the first " +
                                 std::to_string(kMaxKnitrOutputs) + " were not read");
  return Status::Ok();
}

}  // namespace cg
