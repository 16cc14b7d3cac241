// Small helpers shared by the simdjson-based readers (JSON records, notebooks).
#pragma once

#include <simdjson.h>

#include <string>

#include "core/byte_stream.h"
#include "core/status.h"

namespace cg {

// A scalar as the text a table cell would show: strings as-is, numbers and booleans as written,
// null as "", objects and arrays as compact JSON.
std::string JsonCellText(simdjson::dom::element e);

// A notebook-style text field: a string, or an array of strings joined together. "" otherwise.
std::string JsonJoinedText(simdjson::dom::element e);
// The same for a looked-up field that may be missing ("" then).
std::string JsonJoinedText(simdjson::simdjson_result<simdjson::dom::element> field);

// Reads all of `s` up to `limit` bytes; past it, LimitExceeded naming `what` and the limit.
Expected<std::string> ReadBounded(ByteStream& s, uint64_t limit, const char* what);

}  // namespace cg
