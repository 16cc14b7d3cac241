// ScanEngine: the one-direction pipeline source → content → detect, run on worker threads.
//
// Items are listed once by the source, then handed to workers in small batches from an atomic
// index (balanced: one slow item never leaves a core idle for long). Each worker opens its own
// ItemReader, expands each item through the content readers (bounded by ContentLimits) and runs
// the detectors on every leaf document. Results are collected per worker and merged at the end.
#pragma once

#include <cstdint>
#include <vector>

#include "content/content_reader.h"
#include "engine/scan_progress.h"
#include "core/scan_result.h"
#include "detect/document_analyzer.h"
#include "detect/secret_detector.h"
#include "detect/text_detector.h"
#include "rules/rule_set.h"
#include "source/source.h"

namespace cg {

// --max-file-size: the most a reader holds in memory at once (a 7z archive, a database, a JSON
// array, an HTML page; ContentLimits::max_held_bytes). Text and streamed containers are read
// whole whatever their size.
inline constexpr uint64_t kDefaultMaxFileSize = 256ull << 20;

struct ScanOptions {
  int threads = 0;                          // 0: every core
  uint64_t max_file_size = kDefaultMaxFileSize;
  ContentLimits limits;
  AnalyzeOptions analyze;
  ScanProgress* progress = nullptr;         // borrowed; when set, bumped as items finish
  bool record_scanned = false;              // fill ScanResult::scanned (junit needs it)
};

class ScanEngine {
 public:
  // `rules` and `text_detectors` are borrowed and must outlive the engine.
  ScanEngine(const RuleSet& rules, std::vector<const TextDetector*> text_detectors, ScanOptions options);

  // `listener`, when set, sees each item's findings as soon as the item is done (serialised).
  ScanResult Run(Source& source, const ItemListener& listener = nullptr) const;

  // Analyses one document (and everything inside it). Exposed for tests and fuzzers.
  void ProcessDocument(Document& doc, ContentBudget& budget, ResultCollector& out) const;

  // Masks the secrets names hold (detect/path_secrets) in what is added to a result after Run.
  void MaskSecrets(ResultCollector* r) const;

 private:
  void Expand(ContentReader& reader, Document& doc, ContentBudget& budget, ResultCollector& out) const;
  void ProcessItem(ItemReader& reader, const Item& item, bool blobs, ResultCollector& out) const;

  // Every item's path (and every archive member's name) is checked for secrets before its
  // content, even an item that is only listed (Item::listed_only); Run masks them everywhere.
  std::vector<Finding> SecretsInPaths(const std::vector<const Origin*>& paths) const;

  const RuleSet& rules_;
  ScanOptions options_;
  const SecretDetector* secrets_;  // among the text detectors, or null
  DocumentAnalyzer analyzer_;
};

}  // namespace cg
