// Tables printed as text: what a notebook shows for `df` / `print(df)` / an R data frame or
// tibble (fixed-width columns), and Markdown pipe tables (notebook markdown cells, README-like
// outputs). Pure functions over a bounded string; the caller caps its size.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/table_view.h"

namespace cg {

// A whitespace-aligned table such as pandas'
//        eid  sex  year_of_birth
//   0  1000001    1           1950
//   [5000 rows x 3 columns]
// or R's data.frame / tibble print. An index column (row labels the header lacks) is dropped,
// "..." rows and columns of truncated renderings are skipped, and the row count comes from the
// footer ("[N rows x M columns]", "# A tibble: N x M", "# ... with N more rows") when there is one
// (then exact), else from the rows shown (estimated when the rendering was truncated).
// nullopt when the text is not such a table (prose, a single value, ragged lines).
std::optional<TableView> ParseFixedWidthTable(std::string_view text);

// Every GitHub-flavoured Markdown pipe table in `text` (header row, then a |---| separator).
std::vector<TableView> ParseMarkdownTables(std::string_view text);

}  // namespace cg
