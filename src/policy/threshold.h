// Threshold: what blocks. The one type behind --fail-on, `fail_on` in the configuration,
// `remotes.fail_on.*`, the hooks' git config (cohortguard.failOn) and the reports that say
// what failed: one parser, one comparison.
#pragma once

#include <optional>
#include <string>

#include "core/finding.h"
#include "core/status.h"

namespace cg {

// Findings at or above the severity block; nullopt ("never") blocks nothing.
using Threshold = std::optional<Severity>;

// "high" | "medium" | "low" | "never"; otherwise InvalidArgument
// "<where> must be high, medium, low or never, not '<text>'".
Status ParseThreshold(const std::string& text, const std::string& where, Threshold* out);

// "high", "medium", "low" or "never".
std::string ThresholdName(const Threshold& threshold);

// Whether `finding` blocks at `threshold`. Suppression is decided before: a suppressed finding
// is not in ScanResult::findings, so it is never asked about.
bool Blocks(const Finding& finding, const Threshold& threshold);

}  // namespace cg
