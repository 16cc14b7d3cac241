#include "detect/allow_marker_detector.h"

#include <string.h>

#include <algorithm>

namespace cg {

void AllowMarkerDetector::ScanLines(std::string_view lines, int64_t first_line, const Origin& origin,
                                    ResultCollector& out) const {
  int64_t line = first_line;
  size_t counted = 0;
  size_t pos = 0;
  while (pos < lines.size()) {
    const void* hit = memmem(lines.data() + pos, lines.size() - pos, kAllowMarker.data(), kAllowMarker.size());
    if (!hit) return;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - lines.data());
    line += std::count(lines.begin() + static_cast<std::ptrdiff_t>(counted),
                       lines.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    counted = at;
    if (out.allow_markers.empty() || out.allow_markers.back().line != line ||
        out.allow_markers.back().origin.path != origin.path || out.allow_markers.back().origin.member != origin.member)
      out.allow_markers.push_back({origin, line});
    pos = at + kAllowMarker.size();
  }
}

}  // namespace cg
