// Jupyter notebooks (.ipynb): the tables a notebook shows, as documents.
//
// For every cell (0-based index N, as in the `cells` array) the reader emits:
//   - code cells, each output: `text/html` tables (pandas, R) as tables; else a `text/plain`
//     fixed-width rendering (df, print(df), R data frames) as a table; else the text itself as
//     a stream document, as it does for `stream` outputs (a printed csv is still found);
//     `text/markdown` outputs' pipe tables;
//   - markdown cells: their pipe tables.
// The member is `cell[N]`; the second and later documents of one cell are `cell[N]#2`, ... .
// Sources and error tracebacks are not emitted. The notebook streams through NotebookCells
// (notebook_cells.h) and each cell is parsed by simdjson, so its size is not limited; invalid
// JSON is a Corrupt error naming the cell and the simdjson error (the cells before it are
// still analysed), and cells read in part are named in a LimitExceeded error.
// The same HTML table scanner serves HtmlReader (html_reader.h).
#pragma once

#include <cstdint>

#include "content/content_reader.h"

namespace cg {

class NotebookReader : public ContentReader {
 public:
  const char* name() const override { return "notebook"; }
  const char* summary() const override {
    return "Jupyter notebooks: tables in outputs (text/plain, text/html), streams, markdown tables";
  }
  bool Accepts(FileType type) const override { return type == FileType::kNotebook; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
