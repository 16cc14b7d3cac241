// What the three hooks share: scan a git source, decide what blocks, and tell the user what was
// found, where, and how to fix it. Hooks read; they never write to the repository, the index
// or the work tree.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "policy/remote_policy.h"
#include "source/git_source.h"

namespace cg {

struct HookScanRequest {
  GitSourceOptions source;
  Threshold fail_on = Severity::kMedium;  // nullopt: nothing blocks
  int64_t max_table_rows = 0;             // >0: any table with more rows blocks (public pushes)
  int timeout_ms = 0;                     // >0: give up after this long (pre-receive)
};

struct HookScanOutcome {
  ScanResult result;
  std::vector<std::string> notes;         // from the source (skipped submodules, ...)
  std::vector<Finding> blocking;          // findings at or above the threshold, and policy findings
  bool incomplete = false;                // errors: something could not be read
  bool timed_out = false;
  std::string setup_error;                // rules or source could not be built (exit 2)
};

HookScanOutcome RunHookScan(const HookScanRequest& request);

enum class HookKind { kPreCommit, kPrePush, kPreReceive };

// Prints the blocking findings (text report format), then how to fix them for `kind`.
void PrintBlockingReport(const HookScanOutcome& outcome, HookKind kind, const std::string& headline, std::ostream& out);

}  // namespace cg
