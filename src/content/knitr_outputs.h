// Data frames an R Markdown / knitr render printed into its HTML: console output blocks
// (`<pre><code>## ...</code></pre>`, every line behind knitr's "## " comment prefix) holding a
// data.frame or tibble print of two rows or more, wrapped column groups joined back together; and `df_print: paged`
// tables, whose data rmarkdown embeds as JSON in `<script data-pagedtable-source
// type="application/json">` (column labels, up to max.print rows, 1000 by default: a table of
// exactly that many rows was cut, so its row count is marked estimated). Pure; linear in the input.
#pragma once

#include <string_view>
#include <vector>

#include "core/table_view.h"

namespace cg {

// At most this many outputs are returned per page; more are counted in `*more`.
inline constexpr size_t kMaxKnitrOutputs = 1000;

// Tables in page order: printed ones have format "knitr-print", paged ones "knitr-paged".
std::vector<TableView> ParseKnitrOutputs(std::string_view html, size_t* more = nullptr);

}  // namespace cg
