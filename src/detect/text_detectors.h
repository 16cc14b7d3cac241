// The text detectors a rule set asks for (secrets, ...), built once per scan.
#pragma once

#include <memory>
#include <vector>

#include "detect/text_detector.h"
#include "rules/rule_set.h"

namespace cg {

std::vector<std::unique_ptr<TextDetector>> BuildTextDetectors(const RuleSet& rules);

// Borrowed pointers, as the engine takes them.
std::vector<const TextDetector*> Borrow(const std::vector<std::unique_ptr<TextDetector>>& owned);

}  // namespace cg
