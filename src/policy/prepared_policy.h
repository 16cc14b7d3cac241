// PreparedPolicy: the allowlist and baseline of a PolicyOptions, read before a scan so that a bad
// file fails fast (exit 2), then applied to the scan's findings (policy/suppression).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "core/status.h"
#include "policy/allowlist.h"
#include "policy/baseline.h"
#include "policy/config.h"

namespace cg {

class PreparedPolicy {
 public:
  static Expected<PreparedPolicy> Prepare(const PolicyOptions& options);

  // Fingerprints every finding, then moves what the policy covers to result->suppressed: inline
  // markers (when `inline_allow`), the allowlist, the baseline; adds the allowlist's warnings.
  void Apply(ScanResult* result);
  // Inline markers only (when `inline_allow`): for findings not attributed to a path yet.
  void ApplyMarkers(ScanResult* result) const;
  // Why the allowlist or baseline covers `finding`, or "". REQUIRES: fingerprint assigned.
  std::string SuppressedBy(const Finding& finding);
  // Expired allowlist entries met so far (Apply adds them itself).
  std::vector<std::string> Warnings();

 private:
  std::unique_ptr<Allowlist> allowlist_;
  std::optional<Baseline> baseline_;
  bool inline_allow_ = true;
};

}  // namespace cg
