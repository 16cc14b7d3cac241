#include "detect/record_counter.h"

#include <cstring>

#include "detect/table_sniffer.h"

namespace cg {

bool RecordCounter::FieldStarts(char previous) const {
  if (previous == '\n') return true;
  if (delimiter_ == ' ') return previous == ' ' || previous == '\t';
  return previous == delimiter_;
}

void RecordCounter::Feed(std::string_view chunk, size_t newlines) {
  if (chunk.empty()) return;
  lines_ += static_cast<int64_t>(newlines);
  pending_ = chunk.back() != '\n';
  const char* p = chunk.data();
  const char* const end = p + chunk.size();
  if (quote_at_end_) {
    // A quote ended the last chunk inside a quoted field: doubled, or the field's end.
    quote_at_end_ = false;
    if (*p == '"') ++p;
    else in_quote_ = false, field_start_ = false;
  }
  if (!in_quote_ && std::memchr(p, '"', static_cast<size_t>(end - p)) == nullptr) {
    records_ += static_cast<int64_t>(p == chunk.data() ? newlines : CountNewlines(std::string_view(p, end - p)));
    field_start_ = FieldStarts(end[-1]);
    return;
  }
  while (p < end) {
    const size_t left = static_cast<size_t>(end - p);
    const char* q = static_cast<const char*>(std::memchr(p, '"', left));
    if (!in_quote_) {
      const char* stop = q ? q : end;
      records_ += static_cast<int64_t>(CountNewlines(std::string_view(p, static_cast<size_t>(stop - p))));
      if (!q) {
        field_start_ = FieldStarts(end[-1]);
        return;
      }
      const bool starts = q == p ? field_start_ : FieldStarts(q[-1]);
      if (starts) in_quote_ = true;
      field_start_ = false;
      p = q + 1;
      continue;
    }
    if (!q) return;  // the quoted field goes on past this chunk
    if (q + 1 == end) {
      quote_at_end_ = true;
      return;
    }
    if (q[1] == '"') {
      p = q + 2;
      continue;
    }
    in_quote_ = false;
    field_start_ = false;
    p = q + 1;
  }
  if (!in_quote_) field_start_ = FieldStarts(end[-1]);
}

}  // namespace cg
