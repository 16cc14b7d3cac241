// Golden files: compare an output with tests/golden/<name>; with COHORTGUARD_UPDATE_GOLDEN=1 the
// file is (re)written instead, and the test still fails so that an update is never silent.
#pragma once

#include <string>

namespace cg::testing {

// Path of a golden file in the source tree.
std::string GoldenPath(const std::string& name);

// Empty when `actual` equals the golden file; else a message with the first differing line.
std::string CompareWithGolden(const std::string& name, const std::string& actual);

// Replaces every run of digits after `key` (e.g. "\"elapsed_ms\": ") with 0, so timings do
// not make goldens flaky.
std::string ZeroNumberAfter(std::string text, const std::string& key);

}  // namespace cg::testing
