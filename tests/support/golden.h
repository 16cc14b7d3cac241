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

// Replaces every digit of the timestamp after `key` (up to the next '"') with 0: the GitLab
// report's "start_time": "2026-01-02T03:04:05" becomes "0000-00-00T00:00:00".
std::string ZeroTimestampAfter(std::string text, const std::string& key);

}  // namespace cg::testing
