// Suppression: moves the findings that inline markers, the allowlist or the baseline cover
// from ScanResult::findings to ScanResult::suppressed, saying why in Finding::suppressed_by,
// and counts them in stats.suppressed. Expired allowlist entries become warnings.
//
// Inline `cohortguard:allow` (detect/allow_marker_detector) covers a text finding on the same
// line of the same document, and a table finding when the marker sits in the document's first
// kTableMarkerLines lines. REQUIRES: fingerprints assigned (policy/fingerprint).
#pragma once

#include "core/scan_result.h"
#include "policy/allowlist.h"
#include "policy/baseline.h"

namespace cg {

inline constexpr int64_t kTableMarkerLines = 5;

// `allowlist` and `baseline` may be null.
void ApplySuppression(ScanResult* result, Allowlist* allowlist, const Baseline* baseline);

// Why the allowlist or the baseline covers `finding` ("allowlist FILE:LINE: reason",
// "baseline FILE"), or "" when neither does. Either may be null.
std::string PolicyReason(const Finding& finding, Allowlist* allowlist, const Baseline* baseline);

}  // namespace cg
