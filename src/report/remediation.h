// Remediation: what a person should do next about a finding, as short imperative steps.
//
// Shared by the text report (per file) and SARIF rule help, so the advice is written once. The
// advice depends on the finding's category (data or secret) and on where it was found: the
// working tree or index (stop tracking, ignore) or git history (rewrite, and report a push).
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"

namespace cg {

enum class Place { kWorkTree, kHistory };

// Where a finding's origin lies: kHistory when it names a commit or blob.
Place PlaceOf(const Origin& origin);

// Steps for one category at one place, `path` already shell-quoted. Data categories
// (participant-data, small-cells, policy, anything unknown) share one set; "secret" has its own.
std::vector<std::string> NextSteps(const std::string& category, Place place, const std::string& quoted_path);

// Quotes `path` for a POSIX shell when it needs it ('...' with embedded quotes escaped).
std::string ShellQuote(const std::string& path);

}  // namespace cg
