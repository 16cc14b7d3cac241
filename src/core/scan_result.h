// ScanResult: everything one scan produced, and ResultCollector, the per-worker accumulator
// that is merged into it (no locks on the hot path).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace cg {

struct ScanStats {
  uint64_t files = 0;    // file system items analysed
  uint64_t blobs = 0;    // git blobs analysed
  uint64_t bytes = 0;    // bytes read from items (before decompression)
  uint64_t skipped = 0;  // items or members not analysed (binary, too large in part, LFS, ...)
  uint64_t suppressed = 0;
  int64_t elapsed_ms = 0;
};

// Something deliberately not analysed (or analysed only in part): never silent.
struct Skipped {
  Origin origin;
  std::string reason;
};

// An inline `cohortguard:allow` marker seen in a text document (detect/allow_marker_detector).
// policy/suppression decides which findings it covers.
struct AllowMarker {
  Origin origin;
  int64_t line = 0;  // 1-based
};

struct ResultCollector {
  std::vector<Finding> findings;
  std::vector<ScanError> errors;
  std::vector<Skipped> skipped;
  std::vector<Explanation> explanations;
  std::vector<Origin> scanned;  // outer items analysed, when ScanOptions::record_scanned
  std::vector<AllowMarker> allow_markers;
  ScanStats stats;

  void Error(const Origin& o, std::string message) { errors.push_back({o, std::move(message)}); }
  void Skip(const Origin& o, std::string reason) {
    skipped.push_back({o, std::move(reason)});
    ++stats.skipped;
  }
  void Merge(ResultCollector&& other);
  // Every origin reported: findings', errors', skipped entries', explanations'.
  std::vector<Origin*> ReportedOrigins();
};

struct ScanResult : ResultCollector {
  bool enumeration_failed = false;  // nothing could be listed: exit 3
  // Findings an allowlist entry, inline marker or baseline covers (Finding::suppressed_by says
  // which); counted in stats.suppressed, listed with --show-suppressed.
  std::vector<Finding> suppressed;
  // Things the user should know that are not scan errors (an expired allowlist entry).
  std::vector<std::string> warnings;
  // Sorts findings (path, member, then severity, highest first) and errors for stable output.
  void Sort();
};

// Called once per item that produced findings, with that item's findings and inline allow
// markers (from worker threads, serialised by the engine), so that streaming formats (jsonl) can
// write before the scan ends.
using ItemListener = std::function<void(const std::vector<Finding>& findings, const std::vector<AllowMarker>& markers)>;

}  // namespace cg
