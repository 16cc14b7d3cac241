// What the three hooks tell the user about a scan session's outcome (engine/scan_session): what
// the policy let through, what blocks, where, and how to fix it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "engine/scan_session.h"

namespace cg {

// kPreCommitFiles: pre-commit given file names (the pre-commit framework), not the index.
enum class HookKind { kPreCommit, kPreCommitFiles, kPrePush, kPreReceive };

// One line each: expired allowlist entries (warnings), and how many findings the policy
// suppressed and by what (allowlist, inline marker, baseline): they do not block.
void PrintPolicyNotes(const ScanOutcome& outcome, std::ostream& out);

// For an outcome that blocks nothing: one warning line per finding at medium or above, which
// the threshold lets through to `destination` (e.g. "internal remote 'origin'"): policy may
// allow it, but never silently.
void PrintAllowedFindings(const ScanOutcome& outcome, const std::string& destination, const std::string& why,
                          std::ostream& out);

// Prints the blocking findings (text report format), then how to fix them for `kind`.
void PrintBlockingReport(const ScanOutcome& outcome, HookKind kind, const std::string& headline, std::ostream& out);

}  // namespace cg
