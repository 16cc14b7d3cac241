#include "policy/threshold.h"

namespace cg {

Status ParseThreshold(const std::string& text, const std::string& where, Threshold* out) {
  Severity s;
  if (text == "never") {
    *out = std::nullopt;
    return Status::Ok();
  }
  if (ParseSeverity(text, &s) && s != Severity::kInfo) {
    *out = s;
    return Status::Ok();
  }
  return Status::InvalidArgument(where + " must be high, medium, low or never, not '" + text + "'");
}

std::string ThresholdName(const Threshold& threshold) { return threshold ? SeverityName(*threshold) : "never"; }

bool Blocks(const Finding& finding, const Threshold& threshold) {
  return threshold && finding.severity >= *threshold;
}

}  // namespace cg
