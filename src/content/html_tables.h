// The <table>s of an HTML page: pandas' `df._repr_html_()` in a notebook, knitr/kable and
// Quarto renders, exported reports. A small, forgiving scanner rather than an HTML5 parser:
// it needs rows and cells only, tolerates unclosed tags, skips comments, <script> and <style>,
// and treats tables nested inside a cell as that cell's text. Pure; linear in the input.
#pragma once

#include <string_view>
#include <vector>

#include "core/table_view.h"

namespace cg {

// At most this many tables are returned per page; more are counted in `*more` when given.
inline constexpr size_t kMaxHtmlTables = 1000;

// Each top-level table becomes a TableView (format "html"): the first row is the header; a
// pandas row-label column (empty top-left header, <th> row labels) is dropped; rows of "..."
// (truncated renderings) are skipped; pandas' "<p>N rows × M columns</p>" right after the table
// gives the exact row count.
std::vector<TableView> ParseHtmlTables(std::string_view html, size_t* more = nullptr);

}  // namespace cg
