#include "core/finding.h"

namespace cg {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kHigh: return "high";
    case Severity::kMedium: return "medium";
    case Severity::kLow: return "low";
    case Severity::kInfo: return "info";
  }
  return "info";
}

bool ParseSeverity(const std::string& text, Severity* out) {
  if (text == "high") *out = Severity::kHigh;
  else if (text == "medium") *out = Severity::kMedium;
  else if (text == "low") *out = Severity::kLow;
  else if (text == "info") *out = Severity::kInfo;
  else return false;
  return true;
}

}  // namespace cg
