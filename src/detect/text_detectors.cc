#include "detect/text_detectors.h"

#include "detect/allow_marker_detector.h"
#include "detect/secret_detector.h"

namespace cg {

std::vector<std::unique_ptr<TextDetector>> BuildTextDetectors(const RuleSet& rules, const std::string& fingerprint_key) {
  std::vector<std::unique_ptr<TextDetector>> out;
  if (!rules.secrets.empty()) out.push_back(std::make_unique<SecretDetector>(rules.secrets, fingerprint_key));
  out.push_back(std::make_unique<AllowMarkerDetector>());
  return out;
}

std::vector<const TextDetector*> Borrow(const std::vector<std::unique_ptr<TextDetector>>& owned) {
  std::vector<const TextDetector*> out;
  for (const auto& d : owned) out.push_back(d.get());
  return out;
}

}  // namespace cg
