// The text detectors a rule set asks for (secrets, ...), built once per scan.
#pragma once

#include <memory>
#include <vector>

#include "detect/text_detector.h"
#include "rules/rule_set.h"

namespace cg {

// `fingerprint_key` keys secret fingerprints (detect/secret_value.h SecretFingerprint).
std::vector<std::unique_ptr<TextDetector>> BuildTextDetectors(const RuleSet& rules,
                                                              const std::string& fingerprint_key = "");

// Borrowed pointers, as the engine takes them.
std::vector<const TextDetector*> Borrow(const std::vector<std::unique_ptr<TextDetector>>& owned);

}  // namespace cg
