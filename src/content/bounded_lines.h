// SPDX-License-Identifier: Apache-2.0
// Line-by-line reading with a bound on what one line may hold, for readers of line-oriented
// formats (JSON lines, FHIR NDJSON) that must not buffer a file-sized line.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "core/byte_stream.h"
#include "core/status.h"

namespace cg {

// Calls `line` with each line of `in`, without its '\n' (the last one also without a newline,
// possibly empty). A line longer than `max_line` bytes is not held: it is passed as overlong,
// with no text. `line` returning false stops the read; the result is then false.
using LineFn = std::function<bool(std::string_view text, bool overlong)>;
Expected<bool> ForEachBoundedLine(ByteStream& in, size_t max_line, const LineFn& line);

}  // namespace cg
