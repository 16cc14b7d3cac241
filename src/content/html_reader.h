// HTML files (.html/.htm: R Markdown and Quarto renders, exported notebooks, reports): every
// top-level <table> as a table document, member `table[K]` (0-based, in page order), and every
// data frame knitr printed (`<pre><code>## ...`) or embedded as a paged table
// (content/knitr_outputs.h), member `output[K]`. The page
// is read whole up to kMaxHtmlBytes; a larger page is searched in its first kMaxHtmlBytes and
// the rest reported as not read.
#pragma once

#include <cstdint>

#include "content/content_reader.h"

namespace cg {

inline constexpr uint64_t kMaxHtmlBytes = 128ull << 20;

class HtmlReader : public ContentReader {
 public:
  const char* name() const override { return "html"; }
  const char* summary() const override { return "HTML pages (R Markdown, Quarto): every <table>, knitr-printed and paged data frames"; }
  bool Accepts(FileType type) const override { return type == FileType::kHtml; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
