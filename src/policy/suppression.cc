#include "policy/suppression.h"

#include <set>
#include <tuple>

namespace cg {
namespace {

using MarkerKey = std::tuple<std::string, std::string, std::string, int64_t>;  // path, member, blob, line

MarkerKey KeyOf(const Origin& o, int64_t line) { return {o.path, o.member, o.blob, line}; }

std::string InlineReason(const Finding& f, const std::set<MarkerKey>& markers) {
  if (f.line) {
    if (markers.count(KeyOf(f.origin, *f.line))) return "inline cohortguard:allow on line " + std::to_string(*f.line);
    return "";
  }
  for (int64_t l = 1; l <= kTableMarkerLines; ++l)
    if (markers.count(KeyOf(f.origin, l))) return "inline cohortguard:allow on line " + std::to_string(l);
  return "";
}

}  // namespace

std::string PolicyReason(const Finding& f, Allowlist* allowlist, const Baseline* baseline) {
  if (allowlist)
    if (const AllowEntry* e = allowlist->Covering(f)) return "allowlist " + e->where + ": " + e->reason;
  if (baseline && baseline->Contains(f.fingerprint)) return "baseline " + baseline->file();
  return "";
}

void ApplySuppression(ScanResult* result, Allowlist* allowlist, const Baseline* baseline) {
  std::set<MarkerKey> markers;
  for (const auto& m : result->allow_markers) markers.insert(KeyOf(m.origin, m.line));
  std::vector<Finding> kept;
  for (Finding& f : result->findings) {
    std::string why = InlineReason(f, markers);
    if (why.empty()) why = PolicyReason(f, allowlist, baseline);
    if (why.empty()) {
      kept.push_back(std::move(f));
      continue;
    }
    f.suppressed_by = std::move(why);
    result->suppressed.push_back(std::move(f));
    ++result->stats.suppressed;
  }
  result->findings = std::move(kept);
  if (allowlist)
    for (auto& w : allowlist->Warnings()) result->warnings.push_back(std::move(w));
}

}  // namespace cg
