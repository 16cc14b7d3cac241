// AllowMarkerDetector: records the lines of a text document that carry the inline marker
// `cohortguard:allow` (optionally followed by a reason, for reviewers).
//
// It reports no findings: it only notes where markers are (ResultCollector::allow_markers), and
// policy/suppression decides what they cover, so every detector, present and future, honours
// the marker the same way. The reason text is never copied into reports, because the marked
// line may hold the very secret it excuses. Thread-safe.
#pragma once

#include "detect/text_detector.h"

namespace cg {

inline constexpr std::string_view kAllowMarker = "cohortguard:allow";

class AllowMarkerDetector : public TextDetector {
 public:
  const char* name() const override { return "inline-allow"; }
  void ScanLines(std::string_view lines, int64_t first_line, const Origin& origin,
                 ResultCollector& out) const override;
};

}  // namespace cg
