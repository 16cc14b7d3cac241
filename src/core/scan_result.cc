#include "core/scan_result.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace cg {

template <typename T>
static void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  from.clear();
}

void ResultCollector::Merge(ResultCollector&& o) {
  Append(findings, o.findings);
  Append(errors, o.errors);
  Append(skipped, o.skipped);
  Append(explanations, o.explanations);
  Append(scanned, o.scanned);
  Append(allow_markers, o.allow_markers);
  stats.files += o.stats.files;
  stats.blobs += o.stats.blobs;
  stats.bytes += o.stats.bytes;
  stats.skipped += o.stats.skipped;
  stats.suppressed += o.stats.suppressed;
}

std::vector<Origin*> ResultCollector::ReportedOrigins() {
  std::vector<Origin*> out;
  out.reserve(findings.size() + errors.size() + skipped.size() + explanations.size());
  for (Finding& f : findings) out.push_back(&f.origin);
  for (ScanError& e : errors) out.push_back(&e.origin);
  for (Skipped& s : skipped) out.push_back(&s.origin);
  for (Explanation& e : explanations) out.push_back(&e.origin);
  return out;
}

void ScanResult::Sort() {
  auto key = [](const Origin& o) { return std::tie(o.repository, o.path, o.member, o.commit, o.blob); };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (key(a.origin) != key(b.origin)) return key(a.origin) < key(b.origin);
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.line != b.line) return a.line < b.line;
    return a.rule < b.rule;
  });
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const ScanError& a, const ScanError& b) { return key(a.origin) < key(b.origin); });
  std::stable_sort(skipped.begin(), skipped.end(),
                   [&](const Skipped& a, const Skipped& b) { return key(a.origin) < key(b.origin); });
  std::stable_sort(explanations.begin(), explanations.end(),
                   [&](const Explanation& a, const Explanation& b) { return key(a.origin) < key(b.origin); });
  std::stable_sort(scanned.begin(), scanned.end(), [&](const Origin& a, const Origin& b) { return key(a) < key(b); });
}

}  // namespace cg
