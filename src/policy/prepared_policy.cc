#include "policy/prepared_policy.h"

#include "policy/fingerprint.h"
#include "policy/suppression.h"

namespace cg {

Expected<PreparedPolicy> PreparedPolicy::Prepare(const PolicyOptions& options) {
  PreparedPolicy p;
  if (!options.allowlist.empty())
    p.allowlist_ = std::make_unique<Allowlist>(options.allowlist, options.root.empty() ? "." : options.root, TodayIso());
  if (!options.baseline.empty()) {
    auto b = Baseline::Load(options.baseline);
    if (!b.ok()) return b.status();
    p.baseline_ = std::move(*b);
  }
  p.inline_allow_ = options.inline_allow;
  return p;
}

void PreparedPolicy::Apply(ScanResult* result) {
  AssignFingerprints(&result->findings);
  if (!inline_allow_) result->allow_markers.clear();
  ApplySuppression(result, allowlist_.get(), baseline_ ? &*baseline_ : nullptr);
}

void PreparedPolicy::ApplyMarkers(ScanResult* result) const {
  if (!inline_allow_) {
    result->allow_markers.clear();
    return;
  }
  ApplySuppression(result, nullptr, nullptr);
}

std::string PreparedPolicy::SuppressedBy(const Finding& finding) {
  return PolicyReason(finding, allowlist_.get(), baseline_ ? &*baseline_ : nullptr);
}

std::vector<std::string> PreparedPolicy::Warnings() {
  return allowlist_ ? allowlist_->Warnings() : std::vector<std::string>{};
}

}  // namespace cg
