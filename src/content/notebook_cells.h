// NotebookCells: splits a Jupyter notebook, as it streams past, into the JSON text of each
// element of its top-level "cells" array, so that a notebook of any size is read one cell at a
// time (a table printed in cell 0 followed by 500 MB of base64 images is still found).
//
// It tracks only JSON structure (strings, escapes, nesting); each cell's text is handed to
// simdjson by the caller. String values longer than kMaxCellString are cut (at a character
// boundary, keeping the JSON valid) so a cell's text stays small: images are not analysed, and
// other cut strings (a 10 MB text/plain output) are counted so that the caller can say so.
// Memory: one cell's text, at most kMaxCellBytes after the cuts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_stream.h"
#include "core/status.h"

namespace cg {

inline constexpr size_t kMaxCellString = 4u << 20;
inline constexpr size_t kMaxCellBytes = 32u << 20;
inline constexpr size_t kMaxNotebookDepth = 1024;

struct NotebookCell {
  size_t index = 0;            // in the cells array
  std::string_view json;       // the cell's text, cut strings included; empty when oversized
  bool oversized = false;      // more than kMaxCellBytes even after the cuts: not kept
  size_t cut_strings = 0;      // strings cut to kMaxCellString, other than image/* data
};

// Reads `in` to its end, calling `on_cell` for each element of "cells" that is an object
// (elements that are not are counted, not passed). Returns Corrupt for text that is not a
// notebook ("invalid notebook JSON: ...", "not a Jupyter notebook: ..."), the stream's own
// error, or the first error `on_cell` returns.
Status ForEachNotebookCell(ByteStream& in, const std::function<Status(const NotebookCell&)>& on_cell);

}  // namespace cg
