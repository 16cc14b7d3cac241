// TableSniffer: decides whether the head of a text document is a delimited table (or a one-column
// list of ids) and parses it.
//
// Handles comma, tab, semicolon, pipe and whitespace delimiters; RFC 4180 quoting (doubled
// quotes, delimiters and newlines inside quotes); a UTF-8 BOM; LF, CRLF and CR-only line ends;
// ragged rows (a few off the common field count, or, when no count is common but the delimiter
// splits nearly every record under a header, read as the header's columns); R-style row names (a header one field short); a preamble above the header
// (comment lines, title lines, an Excel `sep=;` line, blank rows). Only the head is parsed: the engine counts the remaining
// lines as it streams (LineCounter), so a 1 GB file never sits in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/table_view.h"

namespace cg {

struct SniffOptions {
  int sample_rows = 200;  // data rows kept in TableView::rows
  // Optional: true when a cell is a column name some rule knows. Helps decide whether the first
  // row is a header when types alone cannot tell (all-text tables).
  std::function<bool(const std::string&)> known_column;
};

struct SniffedTable {
  TableView table;
  int64_t head_records = 0;   // data records parsed (all of the head's when fully_parsed)
  int64_t head_lines = 0;     // physical lines consumed by those records, the header and preamble
  uint64_t head_end = 0;      // bytes of the document those lines take (the rest is counted by
                              // RecordCounter as it streams)
  bool fully_parsed = true;   // false: the head holds more records than were parsed; count the
                              // lines after head_lines as rows
  bool quoted_newlines = false;
  bool unterminated_quote = false;  // a complete head ends inside a quote: rows are its lines
  bool cr_only = false;       // lines end with CR alone (count '\r', not '\n', for rows)
  // Records of unequal field counts, none common enough for a table, read as the header's
  // columns (short rows padded with empty cells, cells past the header dropped): the fewest and
  // most fields a data record of the head has. Both 0 when the records have one shape.
  size_t ragged_min = 0, ragged_max = 0;
  bool ragged() const { return ragged_max > 0; }
};

// `head` is the start of the document; `complete` is true when it is the whole document.
// Returns nullopt when the text is not a table (code, prose, a single column).
std::optional<SniffedTable> SniffTable(std::string_view head, bool complete, const SniffOptions& options);

// Splits one record into fields (quote-aware). ' ' means runs of blanks separate fields.
std::vector<std::string> SplitRecord(std::string_view record, char delimiter);
// SplitRecord(record, delimiter).size(), without building the fields.
size_t CountFields(std::string_view record, char delimiter);

// Counts physical lines in a stream fed in pieces.
// The number of '\n' bytes in `s`.
size_t CountNewlines(std::string_view s);

class LineCounter {
 public:
  // Returns the number of newlines in `chunk`.
  size_t Feed(std::string_view chunk);
  // Lines seen, counting a final line without a newline.
  int64_t lines() const { return newlines_ + (pending_ ? 1 : 0); }

 private:
  int64_t newlines_ = 0;
  bool pending_ = false;
};

}  // namespace cg
