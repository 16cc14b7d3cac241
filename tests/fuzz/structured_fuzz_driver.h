// Shared body of the structured-reader fuzz targets (*_fuzz.cc): runs one reader's Expand on the
// input as the engine would, with tight limits, and touches every emitted table. Crashes, leaks,
// hangs and sanitizer reports are the findings; returned errors are expected and ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "content/content_reader.h"
#include "core/document.h"

namespace cg::fuzz {

inline volatile size_t g_sink;  // keeps the reads from being optimised away

inline void Touch(const TableView& t) {
  size_t n = t.header.size() + static_cast<size_t>(t.row_count);
  for (const auto& row : t.rows)
    for (const auto& cell : row) n += cell.size();
  g_sink = g_sink + n;
}

// Returns the reader's status: an error is an expected outcome, only a crash is a finding.
inline Status ExpandOnce(ContentReader& reader, const char* name, const uint8_t* data, size_t size) {
  ContentLimits limits;
  limits.max_total_bytes = 1 << 20;
  limits.max_held_bytes = 1 << 20;
  limits.max_line_length = 64 << 10;
  Document doc(Origin{name, "", "", "", ""}, name,
               std::make_unique<MemoryStream>(std::string(reinterpret_cast<const char*>(data), size)));
  ContentBudget budget;
  return reader.Expand(doc, limits, budget, [](Document& child) {
    if (child.table()) Touch(*child.table());
    return Status::Ok();
  });
}

}  // namespace cg::fuzz
