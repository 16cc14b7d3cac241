#include "detect/document_analyzer.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "detect/header_finder.h"
#include "detect/id_column_counter.h"
#include "detect/table_sniffer.h"
#include "detect/transposed_table.h"

namespace cg {

DocumentAnalyzer::DocumentAnalyzer(const RuleSet& rules, std::vector<const TextDetector*> text_detectors)
    : rules_(rules), participant_(rules), small_cells_(rules), text_detectors_(std::move(text_detectors)) {}

void DocumentAnalyzer::AnalyzeTable(const TableView& parsed, const Origin& origin, const AnalyzeOptions& options,
                                    ResultCollector& out) const {
  const size_t first_new = out.findings.size();
  // A sheet's title lines above its header (delimited text has the sniffer's preamble handling).
  std::optional<TableView> moved;
  if (parsed.format != "delimited" && parsed.format != "list") moved = HeaderBelowPreamble(parsed);
  const TableView& table = moved ? *moved : parsed;
  Inspect(table, origin, options, out);
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
  void Carry(std::string_view rest) {
    if (carry_.size() + rest.size() > max_line_) {
      // A line longer than the limit (minified data, a 2 GB single line): scan what we have and
      // continue from here rather than hold it all.
      carry_.append(rest.substr(0, max_line_ - std::min<uint64_t>(max_line_, carry_.size())));
      Emit(carry_);
      carry_.clear();
      return;
    }
    carry_.append(rest);
  }

  void Emit(std::string_view lines) {
    for (const TextDetector* d : detectors_) d->ScanLines(lines, line_, origin_, out_);
  }

  const std::vector<const TextDetector*>& detectors_;
  const Origin& origin_;
  uint64_t max_line_;
  ResultCollector& out_;
  std::string carry_;
  int64_t line_ = 1;
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
  std::optional<SniffedTable> sniffed = SniffTable(*head, complete, so);

  // Stream the whole document once: count lines, feed text detectors.
  LineCounter lines;
  LineFeeder feeder(text_detectors_, doc.origin(), options.max_line_length, out);
  std::optional<IdColumnCounter> ids;
  if (sniffed && options.idsets) ids.emplace(*options.idsets, sniffed->table);
  uint64_t read = 0;
  bool truncated = false;
  Status status;
  const bool cr_only = sniffed && sniffed->cr_only;
  int64_t crs = 0;  // CR-only text: its line ends
  auto consume = [&](std::string_view chunk) {
    read += chunk.size();
    if (cr_only) crs += std::count(chunk.begin(), chunk.end(), '\r');
    feeder.Feed(chunk, lines.Feed(chunk));
    if (ids) ids->Feed(chunk);
  };
  if (complete && head->size() <= options.max_bytes) {
    // The whole document is the head already: no copy, no buffer (the common case for blobs).
    consume(*head);
  } else {
    // One buffer per thread, reused: a fresh zero-filled 1 MiB per document cost more than the
    // analysis of most documents. Text leaves never nest, so a thread needs only one.
    thread_local std::vector<char> buf;
    if (buf.size() < options.chunk_bytes) buf.resize(options.chunk_bytes);
    for (;;) {
      if (read >= options.max_bytes) {
        truncated = true;
        break;
      }
      size_t want = static_cast<size_t>(std::min<uint64_t>(options.chunk_bytes, options.max_bytes - read));
      auto r = doc.Read(buf.data(), want);
      if (!r.ok()) {
        status = r.status();
        truncated = true;
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
    const int64_t physical_lines = cr_only ? crs + 1 : lines.lines();
    if (complete && sniffed->fully_parsed) {
      t.row_count = sniffed->head_records;
    } else if (!truncated) {
      t.row_count = sniffed->head_records + std::max<int64_t>(0, physical_lines - sniffed->head_lines);
      t.row_count_estimated = sniffed->quoted_newlines;
    } else {
      // Extrapolate from the part we read.
      int64_t size = doc.SizeHint();
      double scale = (size > 0 && read > 0) ? static_cast<double>(size) / static_cast<double>(read) : 1.0;
      int64_t seen = sniffed->head_records + std::max<int64_t>(0, physical_lines - sniffed->head_lines);
      t.row_count = static_cast<int64_t>(static_cast<double>(seen) * std::max(1.0, scale));
      t.row_count_estimated = true;
    }
    const size_t first_new = out.findings.size();
    Inspect(t, doc.origin(), options, out);
    if (ids) ApplyIdSetMatches(*ids, t, doc.origin(), first_new, out);
  }
  if (truncated && status.ok()) {
    out.Skip(doc.origin(), "larger than --max-file-size: only the first " + std::to_string(read) +
                               " bytes were analysed");
  }
  return status;
}

}  // namespace cg
