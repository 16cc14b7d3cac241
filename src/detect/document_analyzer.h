// DocumentAnalyzer: runs the detectors on a leaf document, one the content layer cannot open
// further: a parsed table, or a text stream.
//
// A text stream is read once, in chunks: its head is sniffed for a table, every chunk is
// counted for rows and handed line-aligned to the text detectors. Memory stays bounded by the
// head plus one chunk, whatever the document's size. Thread-safe (const).
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "core/document.h"
#include "core/scan_result.h"
#include "detect/id_set.h"
#include "detect/participant_detector.h"
#include "detect/small_cell_detector.h"
#include "detect/table_sniffer.h"
#include "detect/text_detector.h"
#include "rules/rule_set.h"

namespace cg {

struct AnalyzeOptions {
  size_t head_bytes = 1 << 20;        // sniffed for a table
  size_t chunk_bytes = 1 << 20;       // read size while streaming
  uint64_t max_line_length = 16ull << 20;  // longer lines are not given to text detectors
  bool explain = false;
  // --idset: count, over every row, the ids of these sets in each table's id column
  // (detect/id_column_counter.h). Borrowed; null when no sets are loaded.
  const IdSetCollection* idsets = nullptr;
};

class LineFeeder;

class DocumentAnalyzer {
 public:
  // `text_detectors` are borrowed and must outlive the analyzer.
  DocumentAnalyzer(const RuleSet& rules, std::vector<const TextDetector*> text_detectors);

  void AnalyzeTable(const TableView& table, const Origin& origin, const AnalyzeOptions& options,
                    ResultCollector& out) const;
  // Returns an error when the stream could not be read to its end (what was seen is analysed).
  Status AnalyzeText(Document& doc, const AnalyzeOptions& options, ResultCollector& out) const;
  const std::vector<const TextDetector*>& text_detectors() const { return text_detectors_; }

 private:
  void Inspect(const TableView& table, const Origin& origin, const AnalyzeOptions& options, ResultCollector& out) const;

  const RuleSet& rules_;
  const bool judges_tables_;
  ParticipantDetector participant_;
  SmallCellDetector small_cells_;
  std::vector<const TextDetector*> text_detectors_;
};

// The bytes of `source` (borrowed), handed on unchanged while the text detectors (secrets,
// inline markers) read them as the raw text of the document: a reader of JSON, notebooks, HTML
// or VCF pulls the bytes through it, and a service-account key in a .json or a token in a
// notebook's source is found whatever the reader makes of the structure. Finish() reads what
// the reader left, so the raw text is always searched to its end.
class RawTextScan : public ByteStream {
 public:
  RawTextScan(const DocumentAnalyzer& analyzer, ByteStream& source, const Origin& origin, uint64_t max_line,
              ResultCollector& out);
  ~RawTextScan() override;
  Expected<size_t> Read(char* buf, size_t n) override;
  int64_t SizeHint() const override { return source_.SizeHint(); }
  Status Finish();

 private:
  ByteStream& source_;
  std::unique_ptr<LineFeeder> feeder_;
  LineCounter lines_;
};

}  // namespace cg
