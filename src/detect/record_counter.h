// RecordCounter: counts the records of a delimited table as it streams past, quote-aware.
//
// A newline inside a quoted field (RFC 4180: a quote opens only at the start of a field, a
// doubled quote inside is a quote) does not end a record, so a csv with one 100 MB quoted field
// counts the rows it has, not the lines of that field. A quote still open at the end of the
// stream is unterminated: the caller then falls back to physical lines and says the count is
// estimated. Chunks without a quote cost one memchr (the newlines are counted by the caller).
#pragma once

#include <cstdint>
#include <string_view>

namespace cg {

class RecordCounter {
 public:
  // `delimiter` as the sniffer found it (' ' means runs of blanks; '\n' a one-column list).
  explicit RecordCounter(char delimiter) : delimiter_(delimiter) {}

  // `newlines` is the number of '\n' in `chunk` (counted once by the caller).
  void Feed(std::string_view chunk, size_t newlines);

  // Records seen, counting a final record without a newline. Meaningful when !unterminated().
  int64_t records() const { return records_ + (pending_ ? 1 : 0); }
  // Physical lines seen, counting a final line without a newline.
  int64_t lines() const { return lines_ + (pending_ ? 1 : 0); }
  bool unterminated() const { return in_quote_; }

 private:
  bool FieldStarts(char previous) const;

  char delimiter_;
  int64_t records_ = 0;
  int64_t lines_ = 0;
  bool in_quote_ = false;
  bool quote_at_end_ = false;   // the last chunk ended on a quote inside a quoted field
  bool field_start_ = true;     // the next byte starts a field
  bool pending_ = false;        // bytes after the last newline
};

}  // namespace cg
