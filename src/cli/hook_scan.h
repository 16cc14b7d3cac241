// What the three hooks share: scan a git source with the configured rules, apply the same
// suppression `cohortguard scan` applies (allowlist, inline cohortguard:allow markers, baseline:
// cli/scan_policy), decide what blocks, and tell the user what was found, where, and how to fix
// it. Hooks read; they never write to the repository, the index or the work tree.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "policy/config.h"
#include "policy/remote_policy.h"
#include "source/git_source.h"

namespace cg {

struct HookScanRequest {
  GitSourceOptions source;
  const PolicyOptions* policy = nullptr;  // rules and suppression; null: built-in rules, nothing suppressed
  Threshold fail_on = Severity::kMedium;  // nullopt: nothing blocks
  int64_t max_table_rows = 0;             // >0: any table with more rows blocks (public pushes)
  int timeout_ms = 0;                     // >0: give up after this long (pre-receive)
};

struct HookScanOutcome {
  ScanResult result;                      // after suppression: result.suppressed, result.warnings
  std::vector<std::string> notes;         // from the source (skipped submodules, ...)
  std::vector<Finding> blocking;          // unsuppressed findings at or above the threshold, and
                                          // policy findings (remotes.public_max_table_rows)
  bool incomplete = false;                // errors: something could not be read
  bool timed_out = false;
  std::string setup_error;                // rules or source could not be built (exit 2)
};

HookScanOutcome RunHookScan(const HookScanRequest& request);

enum class HookKind { kPreCommit, kPrePush, kPreReceive };

// One line each: expired allowlist entries (warnings), and how many findings the policy
// suppressed and by what (allowlist, inline marker, baseline): they do not block.
void PrintPolicyNotes(const HookScanOutcome& outcome, std::ostream& out);

// Prints the blocking findings (text report format), then how to fix them for `kind`.
void PrintBlockingReport(const HookScanOutcome& outcome, HookKind kind, const std::string& headline, std::ostream& out);

}  // namespace cg
