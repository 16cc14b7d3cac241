#include "detect/table_sniffer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rules/validators.h"

namespace cg {
namespace {

constexpr char kDelimiters[] = {'\t', ',', ';', '|', ' '};

// The number of bytes equal to `c`, 16 at a time where SSE2 is there: each lane counts its
// matches (compare gives -1) for up to 255 blocks, then the lanes are summed. (No popcount: the
// baseline x86-64 target has none, and the compiler's fallback is a library call per block.)
size_t CountByte(std::string_view s, char c) {
  size_t n = 0, i = 0;
#ifdef __SSE2__
  const __m128i v = _mm_set1_epi8(c);
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= s.size()) {
    __m128i lanes = zero;
    for (int block = 0; block < 255 && i + 16 <= s.size(); ++block, i += 16) {
      __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(b, v));
    }
    __m128i sums = _mm_sad_epu8(lanes, zero);
    n += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < s.size(); ++i) n += s[i] == c;
  return n;
}


constexpr size_t kSniffRecords = 100;

struct Record {
  std::string_view text;
  int lines = 1;  // physical lines it spans
  size_t end = 0;  // offset just past it (and its newline) in the text split
  // Its field count under each of kDelimiters, plus one (0: not counted yet). Preamble, quick
  // and full tests ask for the same counts of the same records again and again.
  mutable uint32_t fields[sizeof kDelimiters] = {};
};

size_t DelimiterIndex(char d) {
  return static_cast<size_t>(std::find(std::begin(kDelimiters), std::end(kDelimiters), d) - std::begin(kDelimiters));
}

size_t Fields(const Record& r, char d) {
  uint32_t& n = r.fields[DelimiterIndex(d)];
  if (n == 0) n = static_cast<uint32_t>(CountFields(r.text, d)) + 1;
  return n - 1;
}

// The index of the first byte at or after `from` that is `a` or `b`; s.size() when none is.
size_t FindEither(std::string_view s, size_t from, char a, char b) {
  size_t i = from;
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
    if (m != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  for (; i < s.size(); ++i)
    if (s[i] == a || s[i] == b) return i;
  return s.size();
}

// Splits the head into records. Quotes only open at the start of a field (RFC 4180), so a stray
// quote inside prose does not swallow the file; a record is cut at a newline when it would run
// past `max_record` bytes. A quote still open at the end of a complete text never closes
// (`*unterminated`): the lines from that record on are split again with quotes as text.
std::vector<Record> SplitRecords(std::string_view text, bool complete, bool* quoted_newlines,
                                 size_t max_records = SIZE_MAX, bool* unterminated = nullptr) {
  std::vector<Record> out;
  const size_t n = text.size();
  size_t start = 0;
  bool quotes = true;  // false once a quote was found never to close
  int lines = 1;
  constexpr size_t kMaxRecord = 1 << 20;
  auto is_delimiter = [](char c) { return c == ',' || c == '\t' || c == ';' || c == '|' || c == ' '; };
  // Only newlines and quotes change the state: jump from one to the next.
  size_t i = 0;
  while (i < n) {
    const size_t j = quotes ? FindEither(text, i, '\n', '"') : FindEither(text, i, '\n', '\n');
    if (j == n) break;
    if (text[j] == '"') {
      i = j + 1;
      if (j != start && !is_delimiter(text[j - 1])) continue;  // a quote inside a field is text
      // A quoted field: to its closing quote, across newlines.
      size_t k = j + 1;
      bool reset = false, closed = false;
      size_t newline_at = n;  // a runaway quote ends at this newline
      while (!closed) {
        const size_t q = FindEither(text, k, '"', '\n');
        if (q == n) {
          reset = complete && k < n;  // the text ends inside the quote
          break;
        }
        if (text[q] == '\n') {
          if (complete && q + 1 == n) { reset = true; break; }
          if (q - start > kMaxRecord) { newline_at = q; break; }  // runaway quote: give up on it
          ++lines;
          *quoted_newlines = true;
          k = q + 1;
          continue;
        }
        if (q + 1 < n && text[q + 1] == '"') { k = q + 2; continue; }
        closed = true;
        i = q + 1;
      }
      if (reset) {
        // Split again from the record that opened it, with quotes as text.
        if (unterminated) *unterminated = true;
        quotes = false;
        lines = 1;
        i = start;
        if (i + 1 == n) break;
        continue;
      }
      if (closed) continue;
      if (newline_at == n) { i = n; break; }  // the head ends inside the quote
      i = newline_at;
      continue;  // the runaway quote's newline ends the record
    }
    std::string_view rec = text.substr(start, j - start);
    if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
    out.push_back({rec, lines, j + 1});
    if (out.size() >= max_records) return out;
    start = i = j + 1;
    lines = 1;
  }
  if (complete && start < n) {
    std::string_view rec = text.substr(start);
    if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
    out.push_back({rec, lines, n});
  }
  return out;
}

// std::isspace in the C locale, without a library call per byte.
bool IsBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') return false;
  return true;
}

bool IsMissing(std::string_view s) {
  return s.empty() || s == "NA" || s == "NaN" || s == "." || s == "null" || s == "NULL" || s == "-9";
}

struct Candidate {
  char delimiter = 0;
  size_t mode = 0;      // most common field count
  double share = 0;     // records with that count
  bool header_fits = false;
  bool header_exact = false;  // the first record has exactly the body's field count
};

// Whether `d` can still pass the caller's test (mode >= 2, the first record fitting it as header,
// at least `needed` of the body with the mode's count). The mode then has to be the first
// record's field count or one more, so counting those two is enough, and a delimiter stops as
// soon as too many records miss both: code and prose fail after a few records instead of
// having all of them counted for every delimiter. Exact: it never rejects a passing delimiter.
bool CanPass(const std::vector<Record>& recs, char d, double needed) {
  size_t n = std::min(recs.size(), kSniffRecords);
  if (n < 2) return false;
  const size_t first = Fields(recs[0], d);
  const size_t body = n - 1;
  size_t miss_a = first >= 2 ? 0 : body + 1;  // records not having `first` fields
  size_t miss_b = 0;                           // records not having `first + 1` fields
  auto hopeless = [&](size_t miss) {
    return miss > body || static_cast<double>(body - miss) / static_cast<double>(body) < needed;
  };
  for (size_t i = 1; i < n; ++i) {
    const size_t k = Fields(recs[i], d);
    if (k != first) ++miss_a;
    if (k != first + 1) ++miss_b;
    if (hopeless(miss_a) && hopeless(miss_b)) return false;
  }
  return true;
}

Candidate Score(const std::vector<Record>& recs, char d) {
  Candidate c;
  c.delimiter = d;
  // The body decides the shape; the first record may be a header (checked by header_fits).
  std::map<size_t, size_t> counts;
  size_t n = std::min(recs.size(), kSniffRecords);
  for (size_t i = 1; i < n; ++i) counts[Fields(recs[i], d)]++;
  for (auto [k, v] : counts)
    if (v > counts[c.mode] || (v == counts[c.mode] && k > c.mode)) c.mode = k;
  c.share = n > 1 ? static_cast<double>(counts[c.mode]) / static_cast<double>(n - 1) : 0;
  size_t first = Fields(recs[0], d);
  c.header_fits = first == c.mode || first + 1 == c.mode;
  c.header_exact = first == c.mode;
  return c;
}

// Between delimiters that split the body about equally well: a header that fits exactly beats
// one that fits only as R row names, then more columns win. (A semicolon file with decimal
// commas splits evenly on ',' too, into fewer columns and with a header one field "short".)
bool Better(const Candidate& c, const Candidate& best) {
  if (c.header_exact != best.header_exact) return c.header_exact;
  return c.mode > best.mode;
}

// Votes, column by column, on whether the first record names the columns (the idea behind
// Python's csv.Sniffer.has_header): a text cell over a numeric column is a header, a cell of
// the same type and width as the body is data. Known column names settle all-text tables.
bool LooksLikeHeader(const std::vector<std::string>& first, const std::vector<std::vector<std::string>>& body,
                     const SniffOptions& opt) {
  int votes = 0;
  std::set<std::string> distinct;
  for (size_t col = 0; col < first.size(); ++col) {
    const std::string& h = first[col];
    distinct.insert(h);
    if (opt.known_column && opt.known_column(h)) { votes += 2; continue; }
    size_t numeric = 0, present = 0;
    std::set<size_t> widths;
    for (const auto& row : body) {
      if (col >= row.size() || IsMissing(row[col])) continue;
      ++present;
      if (IsNumericCell(row[col])) ++numeric;
      widths.insert(row[col].size());
    }
    if (present == 0) continue;
    bool body_numeric = numeric * 10 >= present * 9;
    if (body_numeric) votes += IsNumericCell(h) ? -1 : 1;
    else if (widths.size() == 1) votes += h.size() == *widths.begin() ? -1 : 1;
  }
  if (distinct.size() < first.size()) return false;  // repeated names: data, not a header
  return votes > 0;
}

// A one-column list of identifiers (a withdrawal list, a sample list): every record a single
// token, nearly all of the body holding a digit. Word lists and prose are not lists.
// Whether a record is a single list token; `digit` says whether it holds a digit.
bool IsListToken(std::string_view r, bool* digit) {
  *digit = false;
  for (char c : r) {
    if (c >= '0' && c <= '9') *digit = true;
    else if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.' && c != '"') return false;
  }
  return true;
}

bool IsIdList(const std::vector<Record>& recs) {
  if (recs.size() < 3) return false;
  size_t with_digit = 0;
  for (size_t i = 0; i < recs.size(); ++i) {
    bool digit = false;
    if (!IsListToken(recs[i].text, &digit)) return false;
    if (i > 0 && digit) ++with_digit;
  }
  return with_digit * 10 >= (recs.size() - 1) * 9;
}

bool IsCommentLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return (!s.empty() && s.front() == '#') || s.substr(0, 2) == "//";
}

// True when both records split into the same number (at least 2) of fields under a delimiter.
bool SameShape(const Record& a, const Record& b) {
  for (char d : kDelimiters) {
    size_t n = Fields(a, d);
    if (n >= 2 && n == Fields(b, d)) return true;
  }
  return false;
}

// Ragged rows (trailing fields left out by an exporter or a hand edit, stray trailing
// delimiters): no field count is common enough for a table, yet the delimiter splits nearly
// every record and the first record reads as a header. Such a text is read the way R's
// read.csv(fill = TRUE) and pandas read it: the header's columns, short rows padded with empty
// cells, cells past the header dropped. Whitespace is no candidate here: prose splits on it
// everywhere.
constexpr char kRaggedDelimiters[] = {'\t', ',', ';', '|'};
constexpr double kRaggedMiss = 0.05;      // records of the body the delimiter may leave whole
constexpr size_t kRaggedHeaderFields = 3;  // the header's fields, at least
constexpr size_t kRaggedRecords = 10;      // records (header included), at least

// Whether `d` can still pass the ragged test, judging by the first kSniffRecords records: the
// first record has kRaggedHeaderFields fields or more, and at most kRaggedMiss of `max_body`
// records are not split at all. `max_body` bounds the body the full test reads, so a false
// here holds for it too.
bool RaggedPossible(const std::vector<Record>& recs, char d, size_t max_body) {
  if (recs.size() < 2 || Fields(recs[0], d) < kRaggedHeaderFields) return false;
  const double limit = kRaggedMiss * static_cast<double>(max_body);
  const size_t n = std::min(recs.size(), kSniffRecords);
  size_t miss = 0;
  for (size_t i = 1; i < n; ++i)
    if (Fields(recs[i], d) < 2 && static_cast<double>(++miss) > limit) return false;
  return true;
}

bool AnyRaggedPossible(const std::vector<Record>& recs, size_t max_body) {
  for (char d : kRaggedDelimiters)
    if (RaggedPossible(recs, d, max_body)) return true;
  return false;
}

// A header cell of a ragged table reads as a column name: not blank, not padded with blanks
// (prose and code split after ", "), its brackets balanced ("weight (kg)" is a name; code split
// at its commas, "c(1" or "{\"id\": 1", is not), and short.
bool IsColumnName(const std::string& h) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (h.empty() || h.size() > 100 || blank(h.front()) || blank(h.back())) return false;
  std::string open;
  for (char c : h) {
    if (c == '(' || c == '[' || c == '{') open.push_back(c);
    else if (c == ')' || c == ']' || c == '}') {
      const char want = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (open.empty() || open.back() != want) return false;
      open.pop_back();
    }
  }
  return open.empty();
}

// The delimiter a ragged text is read with (0: none fits). It must split nearly every record,
// leave no field count common enough for the table test (`needed`: a body of one shape under a
// header that does not fit it is no ragged table, it stays as it is), and give a header of
// column names that LooksLikeHeader accepts over the body (it also wants them distinct). Of
// several, the one giving the header the most fields.
char RaggedDelimiter(const std::vector<Record>& recs, double needed, const SniffOptions& opt) {
  if (recs.size() < kRaggedRecords) return 0;
  const size_t body_records = std::min(recs.size(), kSniffRecords) - 1;
  char best = 0;
  size_t best_fields = 0;
  for (char d : kRaggedDelimiters) {
    if (!RaggedPossible(recs, d, body_records)) continue;
    if (Score(recs, d).share >= needed) continue;
    const size_t fields = Fields(recs[0], d);
    if (fields <= best_fields) continue;
    std::vector<std::string> first = SplitRecord(recs[0].text, d);
    if (!std::all_of(first.begin(), first.end(), IsColumnName)) continue;
    std::vector<std::vector<std::string>> body;
    for (size_t i = 1; i < recs.size() && body.size() < 50; ++i) body.push_back(SplitRecord(recs[i].text, d));
    if (!LooksLikeHeader(first, body, opt)) continue;
    best = d;
    best_fields = fields;
  }
  return best;
}

// True when, judging by the first kSniffRecords of at least that many records (so a delimiter
// needs 80% of the body), no delimiter can pass, no ragged reading can, and some record is not
// a list token: then no later record can make the document a table.
bool CannotBeTable(const std::vector<Record>& recs) {
  for (char d : kDelimiters)
    if (CanPass(recs, d, 0.8)) return false;
  if (AnyRaggedPossible(recs, std::min(recs.size(), kSniffRecords) - 1)) return false;
  bool digit = false;
  for (size_t i = 0; i < kSniffRecords && i < recs.size(); ++i)
    if (!IsListToken(recs[i].text, &digit)) return true;
  return false;
}

// The first kFirstBytes of a document decide for most that it cannot be a table, without
// splitting the rest of its head. Exact: CanPass gives up on a delimiter once more than a fifth
// of the body misses both field counts it could have; `max_body` bounds the body the full
// test would read (at most kSniffRecords - 1 records, and no more than the head has lines), so
// misses over a fifth of `max_body` within the first records mean the full test gives up too.
// `recs` are the records wholly inside the first bytes, with the same preamble stripped as the
// full test strips (the same, once at least kMaxPreamble + kStableRun records are there).
constexpr size_t kFirstBytes = 2048;
bool FirstRecordsRuleOut(const std::vector<Record>& recs, size_t max_body);

// Title lines, an Excel `sep=;` line or a logo block above the header: the records before the
// first run of kStableRun records with one field count (>= 2) under one delimiter, when every
// record before that run has fewer fields (a header one field short, R row names, is kept).
// 0 when the table starts at once, or when no such run starts within kMaxPreamble records.
constexpr size_t kMaxPreamble = 10;
constexpr size_t kStableRun = 4;
size_t PreambleRecords(const std::vector<Record>& recs) {
  auto is_sep_line = [](std::string_view r) { return r.size() == 5 && r.substr(0, 4) == "sep="; };
  const size_t n = recs.size();
  if (n < 2) return 0;
  const bool sep = is_sep_line(recs[0].text);
  const size_t run = std::min(kStableRun, n - (sep ? 1 : 0));
  if (run < 2) return 0;
  for (size_t p = sep ? 1 : 0; p <= kMaxPreamble && p + run <= n; ++p) {
    for (char d : kDelimiters) {
      const size_t k = Fields(recs[p], d);
      if (k < 2) continue;
      bool stable = true;
      for (size_t i = p + 1; i < p + run && stable; ++i) stable = Fields(recs[i], d) == k;
      if (!stable) continue;
      if (p == 0) return 0;
      size_t start = p;
      if (Fields(recs[p - 1], d) + 1 == k && (p - 1 > 0 || !sep)) --start;  // R row names header
      for (size_t i = sep ? 1 : 0; i < start; ++i)
        if (Fields(recs[i], d) >= k) return sep ? 1 : 0;
      return start;
    }
  }
  return sep ? 1 : 0;
}

bool FirstRecordsRuleOut(const std::vector<Record>& recs, size_t max_body) {
  if (recs.size() < kMaxPreamble + kStableRun) return false;
  const size_t n = std::min(recs.size(), kSniffRecords);
  const double limit = 0.2 * static_cast<double>(max_body);
  bool digit = false, not_list = false;
  for (size_t i = 0; i < n && !not_list; ++i) not_list = !IsListToken(recs[i].text, &digit);
  if (!not_list) return false;
  for (char d : kDelimiters) {
    const size_t first = Fields(recs[0], d);
    size_t miss_a = first >= 2 ? 0 : SIZE_MAX / 2, miss_b = 0;
    bool out = false;
    for (size_t i = 1; i < n && !out; ++i) {
      const size_t k = Fields(recs[i], d);
      miss_a += k != first;
      miss_b += k != first + 1;
      out = static_cast<double>(miss_a) > limit && static_cast<double>(miss_b) > limit;
    }
    if (!out) return false;
  }
  return !AnyRaggedPossible(recs, max_body);
}

// Excel's "CSV (Macintosh)" ends lines with CR alone: true when the head has a CR and no LF.
bool CrOnly(std::string_view head) {
  const size_t probe = std::min<size_t>(head.size(), 64 * 1024);
  return std::memchr(head.data(), '\n', probe) == nullptr && std::memchr(head.data(), '\r', probe) != nullptr;
}

}  // namespace

namespace {

// Walks the fields of one record, calling on_field(raw, quoted) for each. A quoted field's raw
// text still holds its quotes (and doubled inner quotes); ' ' as delimiter means runs of blanks.
template <typename OnField>
void WalkFields(std::string_view rec, char d, OnField&& on_field) {
  const size_t n = rec.size();
  size_t i = 0;
  if (d == ' ') {
    while (i < n && (rec[i] == ' ' || rec[i] == '\t')) ++i;
    if (i == n) return;
  }
  // The next delimiter at or after `from` (n when none): memchr-speed, fields are mostly long.
  auto next_delim = [&](size_t from) -> size_t {
    if (d == ' ') return FindEither(rec, from, ' ', '\t');
    const void* p = std::memchr(rec.data() + from, d, n - from);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - rec.data()) : n;
  };
  for (;;) {
    const size_t start = i;
    const bool quoted = i < n && rec[i] == '"';
    if (quoted) {
      for (++i; i < n;) {
        const size_t q = FindEither(rec, i, '"', '"');
        if (q == n) { i = n; break; }
        if (q + 1 < n && rec[q + 1] == '"') { i = q + 2; continue; }
        i = q + 1;
        break;
      }
    }
    if (i < n) i = next_delim(i);
    on_field(rec.substr(start, i - start), quoted);
    if (i >= n) break;
    ++i;  // the delimiter
    if (d == ' ') {
      while (i < n && (rec[i] == ' ' || rec[i] == '\t')) ++i;
      if (i >= n) break;
    }
  }
}

}  // namespace

// SplitRecord's field count without building the fields: what delimiter sniffing needs. Sniffing
// counts every record's fields for each of five delimiters, so a record without quotes (nearly
// all) is counted as its delimiters plus one; the same count WalkFields gives, at memory speed.
size_t CountFields(std::string_view rec, char d) {
  if (std::memchr(rec.data(), '"', rec.size()) == nullptr) {
    if (d != ' ') return CountByte(rec, d) + 1;
    // Runs of blanks separate fields and leading or trailing blanks make none: one field per
    // blank-to-other step, the start counting as blank.
    size_t count = 0;
    bool blank = true;
    for (char c : rec) {
      const bool b = c == ' ' || c == '\t';
      count += blank && !b;
      blank = b;
    }
    return count;
  }
  size_t count = 0;
  WalkFields(rec, d, [&count](std::string_view, bool) { ++count; });
  return count;
}


std::vector<std::string> SplitRecord(std::string_view rec, char d) {
  std::vector<std::string> out;
  WalkFields(rec, d, [&out](std::string_view raw, bool quoted) {
    if (!quoted) {
      out.emplace_back(raw);
      return;
    }
    std::string field;
    size_t j = 1;
    for (; j < raw.size(); ++j) {
      if (raw[j] != '"') { field.push_back(raw[j]); continue; }
      if (j + 1 < raw.size() && raw[j + 1] == '"') { field.push_back('"'); ++j; continue; }
      ++j;
      break;
    }
    if (j < raw.size()) field.append(raw.substr(j));
    out.push_back(std::move(field));
  });
  return out;
}

std::optional<SniffedTable> SniffTable(std::string_view head, bool complete, const SniffOptions& opt) {
  size_t bom = 0;
  if (head.size() >= 3 && std::memcmp(head.data(), "\xEF\xBB\xBF", 3) == 0) head.remove_prefix(bom = 3);
  SniffedTable out;
  std::string lf;  // a CR-only head, with its line ends made LF
  if (CrOnly(head)) {
    lf.assign(head);
    std::replace(lf.begin(), lf.end(), '\r', '\n');
    head = lf;
    out.cr_only = true;
  }
  // Decide on the first records only: most documents are not tables (code, prose), and for a
  // table the rest of the head is counted as lines by the caller, like the rest of the stream.
  constexpr size_t kFirstPass = 4 * kSniffRecords;
  std::vector<Record> all;
  // Blank lines do not make rows; remember how many physical lines they take.
  std::vector<Record> recs;
  int64_t blank_lines = 0;
  std::string_view split_text = head;
  auto split = [&](size_t max_records, bool whole = true) {
    out.quoted_newlines = false;
    out.unterminated_quote = false;
    all = SplitRecords(split_text, whole && complete, &out.quoted_newlines, max_records, &out.unterminated_quote);
    recs.clear();
    blank_lines = 0;
    for (const auto& r : all) {
      if (IsBlank(r.text)) blank_lines += r.lines;
      else recs.push_back(r);
    }
    // Comment lines above the table ("# synthetic test data", "// exported by ...") are a
    // preamble, not rows; they count as physical lines only. The last of them stays when it has
    // the shape of the row below it: then it is a header written as a comment ("#FID IID ...").
    size_t preamble = 0;
    while (preamble < recs.size() && IsCommentLine(recs[preamble].text)) ++preamble;
    if (preamble > 0 && preamble < recs.size() && SameShape(recs[preamble - 1], recs[preamble])) --preamble;
    for (size_t i = 0; i < preamble; ++i) blank_lines += recs[i].lines;
    recs.erase(recs.begin(), recs.begin() + static_cast<std::ptrdiff_t>(preamble));
    // Title lines and a `sep=` line above the header are a preamble too.
    preamble = PreambleRecords(recs);
    for (size_t i = 0; i < preamble; ++i) blank_lines += recs[i].lines;
    recs.erase(recs.begin(), recs.begin() + static_cast<std::ptrdiff_t>(preamble));
  };
  if (head.size() > kFirstBytes) {
    const size_t max_body = std::min<size_t>(kSniffRecords - 1, CountNewlines(head) + 1);
    split_text = head.substr(0, kFirstBytes);
    split(SIZE_MAX, false);
    split_text = head;
    if (FirstRecordsRuleOut(recs, max_body)) return std::nullopt;
  }
  // A quick pass first: the delimiter and list tests read only the first kSniffRecords records,
  // so when those already rule out every delimiter and a list, the rest of the first pass
  // cannot change the answer. Most documents (code, prose) stop here.
  constexpr size_t kQuickPass = kSniffRecords + kSniffRecords / 4;
  split(kQuickPass);
  if (all.size() >= kQuickPass) {
    if (recs.size() >= kSniffRecords && CannotBeTable(recs)) return std::nullopt;
    split(kFirstPass);
  }
  const bool whole_head_split = all.size() < kFirstPass;
  if (recs.size() < 2) return std::nullopt;

  Candidate best;
  for (char d : kDelimiters) {
    double needed = recs.size() >= 10 ? 0.8 : 0.9;
    if (!CanPass(recs, d, needed)) continue;
    Candidate c = Score(recs, d);
    if (c.mode < 2 || !c.header_fits) continue;
    if (c.share < needed) continue;
    if (best.delimiter == 0 || c.share > best.share + 0.05 || (c.share + 0.05 >= best.share && Better(c, best)))
      best = c;
  }
  const bool list = best.delimiter == 0 && IsIdList(recs);
  const char ragged = best.delimiter == 0 && !list ? RaggedDelimiter(recs, recs.size() >= 10 ? 0.8 : 0.9, opt) : 0;
  if (ragged) best = Score(recs, ragged);
  if (best.delimiter == 0 && !list) return std::nullopt;
  if (list) best.delimiter = '\n';  // never inside a record: each record is one field
  // Past the first pass, the caller counts rows as lines while it streams (fully_parsed false).
  out.fully_parsed = whole_head_split;

  TableView& t = out.table;
  t.format = list ? "list" : "delimited";
  t.delimiter = list ? 0 : best.delimiter;
  std::vector<std::string> first = SplitRecord(recs[0].text, best.delimiter);
  std::vector<std::vector<std::string>> body;
  for (size_t i = 1; i < recs.size() && body.size() < 50; ++i) body.push_back(SplitRecord(recs[i].text, best.delimiter));
  t.has_header = ragged || LooksLikeHeader(first, body, opt);
  size_t data_start = 0;
  if (t.has_header) {
    t.header = std::move(first);
    if (!ragged && t.header.size() + 1 == best.mode) t.header.insert(t.header.begin(), "");  // R row names
    data_start = 1;
  }
  for (size_t i = data_start; i < recs.size(); ++i) {
    if (static_cast<int>(t.rows.size()) >= opt.sample_rows) break;
    t.rows.push_back(SplitRecord(recs[i].text, best.delimiter));
    if (ragged) t.rows.back().resize(t.header.size());
  }
  if (ragged) {
    out.ragged_min = SIZE_MAX;
    for (size_t i = 1; i < recs.size(); ++i) {
      const size_t k = Fields(recs[i], ragged);
      out.ragged_min = std::min(out.ragged_min, k);
      out.ragged_max = std::max(out.ragged_max, k);
    }
  }
  out.head_records = static_cast<int64_t>(recs.size() - data_start);
  out.head_lines = blank_lines;
  for (const auto& r : recs) out.head_lines += r.lines;
  out.head_end = bom + all.back().end;
  t.row_count = out.head_records;
  return out;
}

// Every byte of every text document passes here (a memchr per line, or std::count at -O2, cost
// ~5% of a full-history scan).
size_t CountNewlines(std::string_view s) { return CountByte(s, '\n'); }

size_t LineCounter::Feed(std::string_view chunk) {
  if (chunk.empty()) return 0;
  size_t n = CountNewlines(chunk);
  newlines_ += static_cast<int64_t>(n);
  pending_ = chunk.back() != '\n';
  return n;
}

}  // namespace cg
