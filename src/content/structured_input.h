// Helpers shared by the structured readers (statistics packages, columnar formats, genomics):
// buffering a document under the content limits, and wrapping a parsed table as a child.
#pragma once

#include <cstddef>
#include <string>

#include "content/content_reader.h"
#include "core/document.h"
#include "core/status.h"
#include "core/table_view.h"

namespace cg {

// At most this many data rows are sampled into a TableView by the structured readers.
inline constexpr size_t kStructuredSampleRows = 200;

// Reads the rest of `doc` into memory. Refuses with LimitExceeded past `limits.max_held_bytes`
// (formats such as .dta, .sas7bdat and R serialization need random access or whole-object
// parsing, so they are buffered; the cap keeps hostile input from exhausting memory).
// `format` names the reader in error messages.
Expected<std::string> BufferDocument(Document& doc, const ContentLimits& limits, const char* format);

// The child document that carries `table`, one level below `parent`. An empty `member` keeps
// the parent's origin (a file that is one table); otherwise it is appended ("df" in x.RData).
Document TableChild(const Document& parent, const std::string& member, TableView table);

// Formats a double for sampling: integers without a decimal point, others with up to 15
// significant digits, NaN as "". Locale-independent.
std::string FormatSampleNumber(double v);
// The same for a single-precision value, with the digits a float holds (20.3f is "20.3").
std::string FormatSampleFloat(float v);

}  // namespace cg
