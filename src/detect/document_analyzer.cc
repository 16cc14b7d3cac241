#include "detect/document_analyzer.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "detect/header_finder.h"
#include "detect/id_column_counter.h"
#include "detect/record_counter.h"
#include "detect/table_sniffer.h"
#include "detect/transposed_table.h"

namespace cg {

DocumentAnalyzer::DocumentAnalyzer(const RuleSet& rules, std::vector<const TextDetector*> text_detectors)
    : rules_(rules), judges_tables_(rules.JudgesTables()), participant_(rules), small_cells_(rules), text_detectors_(std::move(text_detectors)) {}

void DocumentAnalyzer::AnalyzeTable(const TableView& parsed, const Origin& origin, const AnalyzeOptions& options,
                                    ResultCollector& out) const {
  if (!judges_tables_ && !options.idsets) return;
  const size_t first_new = out.findings.size();
  // A sheet's title lines above its header (delimited text has the sniffer's preamble handling).
  std::optional<TableView> moved;
  if (parsed.format != "delimited" && parsed.format != "list") moved = HeaderBelowPreamble(parsed);
  const TableView& table = moved ? *moved : parsed;
  if (judges_tables_) Inspect(table, origin, options, out);
  if (!options.idsets) return;
  IdColumnCounter ids(*options.idsets, table);  // a parsed table: its rows are all there is
  ids.CountRows(table.rows);
  ApplyIdSetMatches(ids, table, origin, first_new, out);
}

void DocumentAnalyzer::Inspect(const TableView& as_read, const Origin& origin, const AnalyzeOptions& options,
                               ResultCollector& out) const {
  // Participants as columns, ids in the header row: judged one participant per row.
  const std::optional<TableView> transposed = TransposedView(as_read, rules_);
  const TableView& table = transposed ? *transposed : as_read;
  TableVerdict v = participant_.Inspect(table, origin);
  if (transposed) v.explanation.decision = "transposed (participants as columns, ids in the header row): " + v.explanation.decision;
  // Small cells are judged on every table not flagged as participant data at a blocking
  // severity: a count table with a weak, low participant score still gets its small-cell warning.
  const bool flagged =
      v.finding && v.finding->category == "participant-data" && v.finding->severity >= Severity::kMedium;
  if (v.finding) out.findings.push_back(std::move(*v.finding));
  if (auto small = small_cells_.Inspect(table, origin, v.negatives, flagged, &v.explanation))
    out.findings.push_back(std::move(*small));
  if (options.explain) out.explanations.push_back(std::move(v.explanation));
}

// Feeds line-aligned pieces of a stream to the text detectors, carrying a partial last line.
class LineFeeder {
 public:
  LineFeeder(const std::vector<const TextDetector*>& detectors, const Origin& origin, uint64_t max_line,
             ResultCollector& out)
      : detectors_(detectors), origin_(origin), max_line_(max_line), out_(out) {}

  // `newlines` is the number of '\n' in `chunk` (the caller counts them once, for both of us).
  void Feed(std::string_view chunk, size_t newlines) {
    if (detectors_.empty()) return;
    size_t last_nl = chunk.rfind('\n');
    if (last_nl == std::string_view::npos) {
      Carry(chunk);
      return;
    }
    if (carry_.empty()) {
      Emit(chunk.substr(0, last_nl + 1));
    } else {
      carry_.append(chunk.substr(0, last_nl + 1));
      Emit(carry_);
      carry_.clear();
    }
    // The carry never holds a newline, so what was just emitted held all of the chunk's.
    line_ += static_cast<int64_t>(newlines);
    Carry(chunk.substr(last_nl + 1));
  }

  void Finish() {
    if (!carry_.empty()) Emit(carry_);
    carry_.clear();
  }

 private:
  // A line longer than the limit (minified data, a 2 GB single line) is scanned a window at a
  // time rather than held whole; consecutive windows overlap by kOverlap bytes, so a secret
  // across the cut is in the next window whole, and one inside the overlap is reported once.
  static constexpr size_t kOverlap = 64 * 1024;

  void Carry(std::string_view rest) {
    while (carry_.size() + rest.size() > max_line_) {
      const size_t take = static_cast<size_t>(max_line_ - std::min<uint64_t>(max_line_, carry_.size()));
      carry_.append(rest.substr(0, take));
      rest.remove_prefix(take);
      Emit(carry_);
      window_ = {overlap_from_, out_.findings.size()};
      const size_t keep = std::min<size_t>({kOverlap, carry_.size(), static_cast<size_t>(max_line_ / 2)});
      carry_.erase(0, carry_.size() - keep);
    }
    carry_.append(rest);
  }

  void Emit(std::string_view lines) {
    const size_t first = out_.findings.size();
    for (const TextDetector* d : detectors_) d->ScanLines(lines, line_, origin_, out_);
    DropRepeats(first);
    overlap_from_ = first;
  }

  // Findings of this window that the previous window of the same line already reported.
  void DropRepeats(size_t first) {
    const size_t a = window_.first, b = window_.second;  // not a structured binding: clang 14 cannot capture one
    window_ = {0, 0};
    if (a == b) return;
    auto& f = out_.findings;
    auto repeat = [&](const Finding& x) {
      for (size_t i = a; i < b; ++i)
        if (f[i].rule == x.rule && f[i].line == x.line && f[i].fingerprint == x.fingerprint) return true;
      return false;
    };
    f.erase(std::remove_if(f.begin() + static_cast<std::ptrdiff_t>(first), f.end(), repeat), f.end());
  }

  const std::vector<const TextDetector*>& detectors_;
  const Origin& origin_;
  uint64_t max_line_;
  ResultCollector& out_;
  std::string carry_;
  int64_t line_ = 1;
  size_t overlap_from_ = 0;                 // first finding of the last window emitted
  std::pair<size_t, size_t> window_{0, 0};  // findings of a window cut inside a line
};

RawTextScan::RawTextScan(const DocumentAnalyzer& analyzer, ByteStream& source, const Origin& origin,
                         uint64_t max_line, ResultCollector& out)
    : source_(source), feeder_(std::make_unique<LineFeeder>(analyzer.text_detectors(), origin, max_line, out)) {}

RawTextScan::~RawTextScan() = default;

Expected<size_t> RawTextScan::Read(char* buf, size_t n) {
  auto r = source_.Read(buf, n);
  if (r.ok() && *r > 0) {
    std::string_view chunk(buf, *r);
    feeder_->Feed(chunk, lines_.Feed(chunk));
  }
  return r;
}

Status RawTextScan::Finish() {
  std::vector<char> buf(1 << 16);
  Status status;
  for (;;) {
    auto r = Read(buf.data(), buf.size());
    if (!r.ok()) {
      status = r.status();
      break;
    }
    if (*r == 0) break;
  }
  feeder_->Finish();
  return status;
}

Status DocumentAnalyzer::AnalyzeText(Document& doc, const AnalyzeOptions& options, ResultCollector& out) const {
  auto head = doc.Peek(options.head_bytes);
  if (!head.ok()) return head.status();
  const bool complete = head->size() < options.head_bytes;

  SniffOptions so;
  so.sample_rows = rules_.scoring.sample_rows;
  so.known_column = [this](const std::string& cell) {
    std::string n = NormaliseColumnName(cell);
    for (const auto& t : rules_.tables)
      for (const auto& e : t.evidence)
        if (e.kind == "columns" && e.columns.Matches(n)) return true;
    for (const auto& a : rules_.attributes)
      if (a.columns.Matches(n)) return true;
    for (const auto& ng : rules_.negatives)
      if (ng.match.kind == "columns" && ng.match.columns.Matches(n)) return true;
    return false;
  };
  std::optional<SniffedTable> sniffed;
  if (judges_tables_ || options.idsets) sniffed = SniffTable(*head, complete, so);

  // Stream the whole document once: count lines (and, for a table, records), feed text detectors.
  LineCounter lines;
  LineFeeder feeder(text_detectors_, doc.origin(), options.max_line_length, out);
  std::optional<IdColumnCounter> ids;
  if (sniffed && options.idsets) ids.emplace(*options.idsets, sniffed->table);
  const bool cr_only = sniffed && sniffed->cr_only;
  // Records after the sniffed head, quote-aware (CR-only text is counted by its line ends).
  std::optional<RecordCounter> records;
  if (sniffed && !cr_only && !(complete && sniffed->fully_parsed)) records.emplace(sniffed->table.delimiter ? sniffed->table.delimiter : '\n');
  uint64_t read = 0;
  Status status;
  int64_t crs = 0;  // CR-only text: its line ends
  auto consume = [&](std::string_view chunk) {
    const uint64_t at = read;
    read += chunk.size();
    if (cr_only) crs += std::count(chunk.begin(), chunk.end(), '\r');
    const size_t newlines = lines.Feed(chunk);
    feeder.Feed(chunk, newlines);
    if (ids) ids->Feed(chunk);
    if (records && read > sniffed->head_end) {
      if (at >= sniffed->head_end) {
        records->Feed(chunk, newlines);
      } else {
        std::string_view rest = chunk.substr(static_cast<size_t>(sniffed->head_end - at));
        records->Feed(rest, CountNewlines(rest));
      }
    }
  };
  if (complete) {
    // The whole document is the head already: no copy, no buffer (the common case for blobs).
    consume(*head);
  } else {
    // One buffer per thread, reused: a fresh zero-filled 1 MiB per document cost more than the
    // analysis of most documents. Text leaves never nest, so a thread needs only one.
    thread_local std::vector<char> buf;
    if (buf.size() < options.chunk_bytes) buf.resize(options.chunk_bytes);
    for (;;) {
      auto r = doc.Read(buf.data(), options.chunk_bytes);
      if (!r.ok()) {
        status = r.status();
        break;
      }
      if (*r == 0) break;
      consume(std::string_view(buf.data(), *r));
    }
  }
  feeder.Finish();
  if (ids) ids->Finish();

  if (sniffed) {
    TableView& t = sniffed->table;
    bool unterminated = sniffed->unterminated_quote;  // in a complete head: its lines are the rows
    if (complete && sniffed->fully_parsed) {
      t.row_count = sniffed->head_records;
    } else if (cr_only) {
      t.row_count = sniffed->head_records + std::max<int64_t>(0, crs + 1 - sniffed->head_lines);
      t.row_count_estimated = sniffed->quoted_newlines;
    } else if (!records->unterminated()) {
      t.row_count = sniffed->head_records + records->records();
    } else {
      // A quote opened after the head never closed: every line after the head may be a row.
      t.row_count = sniffed->head_records + records->lines();
      unterminated = true;
    }
    if (unterminated) {
      t.row_count_estimated = true;
      out.Skip(doc.origin(), "a quoted field never closes: rows are estimated from lines, and the table is judged on a "
                             "sample of " + std::to_string(t.rows.size()) + " rows");
    }
    if (sniffed->ragged()) {
      // The field counts are those of the sniffed head; later rows are only counted.
      const std::string h = std::to_string(t.header.size());
      const std::string where = complete && sniffed->fully_parsed
                                    ? ""
                                    : " in the first " + std::to_string(sniffed->head_records) + " rows";
      out.Skip(doc.origin(), "rows have unequal field counts (" + std::to_string(sniffed->ragged_min) + " to " +
                                 std::to_string(sniffed->ragged_max) + " fields" + where + "; the header has " + h +
                                 "): read as the header's " + h +
                                 " columns, short rows padded with empty cells, cells past the header ignored");
    }
    if (!status.ok()) t.row_count_estimated = true;  // read in part: the rows seen so far
    const size_t first_new = out.findings.size();
    if (judges_tables_) Inspect(t, doc.origin(), options, out);
    if (ids) ApplyIdSetMatches(*ids, t, doc.origin(), first_new, out);
  }
  return status;
}

}  // namespace cg
