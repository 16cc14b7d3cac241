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

// Steps for one category at one place for `path` as reports show it. Data categories
// (participant-data, small-cells, policy, anything unknown) share one set; "secret" has its own.
std::vector<std::string> NextSteps(const std::string& category, Place place, const std::string& path);

// True for a secret in a file or folder name (keys/ghp_…/config): a secret finding with no line
// whose path's last part holds its masked value. Its fix is a new name: untracking or ignoring the file
// keeps the name on disk, and `git rm --cached` of it is no fix at all.
bool SecretInName(const Finding& finding);

// The steps for `finding` at `place`: NextSteps of its category, or a secret in a name's own.
std::vector<std::string> NextSteps(const Finding& finding, Place place);

// `path` as an argument to git commands and a .gitignore line, shell-quoted. A path shown with
// a secret masked (`keys/ghp_****/config`) cannot be typed as it is: the masked run becomes one
// `*`, which git's pathspecs and .gitignore read as a wildcard (it matches `/` in pathspecs, so
// a masked folder matches the files inside), and nothing of the secret is printed. Glob
// characters of the rest are escaped.
std::string GitPathArgument(const std::string& path);
// The glob itself, unquoted (also an allowlist path glob).
std::string MaskedPathGlob(const std::string& path);

// The same for git filter-repo: `--path PATH`, or `--path-glob GLOB` for a masked path.
std::string FilterRepoPathArgument(const std::string& path);

// Quotes `path` for a POSIX shell when it needs it ('...' with embedded quotes escaped).
std::string ShellQuote(const std::string& path);

}  // namespace cg
