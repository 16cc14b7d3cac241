#include "detect/text_detectors.h"

namespace cg {

std::vector<std::unique_ptr<TextDetector>> BuildTextDetectors(const RuleSet& /*rules*/) {
  std::vector<std::unique_ptr<TextDetector>> out;
  return out;
}

std::vector<const TextDetector*> Borrow(const std::vector<std::unique_ptr<TextDetector>>& owned) {
  std::vector<const TextDetector*> out;
  for (const auto& d : owned) out.push_back(d.get());
  return out;
}

}  // namespace cg
