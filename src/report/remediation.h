// Remediation: what a person should do next about a finding, as short imperative steps.
//
// Shared by the text report (per file) and SARIF rule help, so the advice is written once. The
// advice depends on the finding's category (data or secret) and on where the bytes are (Place).
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"

namespace cg {

// Where the finding's bytes are, which decides what fixing it takes:
//   kWorkTree    a file on disk (scan of a folder): stop tracking, ignore
//   kStaged      the index (pre-commit, scan --staged): unstage; nothing has left the machine
//   kUnpushed    commits a push is carrying (pre-push, or refused by pre-receive): rewrite the
//                unpushed commits; nothing has left the machine through this push
//   kPushed      git history that may have been pushed (scan --history/--range, sweeps):
//                history rewrite, rotation, the custodian's notice
//   kUnreachable a blob no commit holds (dangling, only in reflogs or packs): no path to filter
//                out; expire and prune, and have a hosting server purge it
enum class Place { kWorkTree, kStaged, kUnpushed, kPushed, kUnreachable };

// Where a finding lies when the entry point does not say: kPushed when it names a commit,
// kUnreachable for a blob without one, else kWorkTree.
Place PlaceOf(const Origin& origin);

// Steps for one category at one place, `path` already shell-quoted. Data categories
// (participant-data, small-cells, policy, anything unknown) share one set; "secret" has its own.
std::vector<std::string> NextSteps(const std::string& category, Place place, const std::string& quoted_path);

// Quotes `path` for a POSIX shell when it needs it ('...' with embedded quotes escaped).
std::string ShellQuote(const std::string& path);

}  // namespace cg
