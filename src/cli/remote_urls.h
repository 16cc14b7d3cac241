// Which URLs a push (or `remote classify NAME`) may really go to: what push policy classifies.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

namespace cg {

// `name_or_url` is what git passes a pre-push hook first: a remote's name, or the URL as the
// user typed it (before insteadOf/pushInsteadOf). For a remote: its configured url and pushurl
// values, and the same after rewriting; for a typed URL: that URL. `git_url` (what git really
// connects to, after rewriting; may be "") comes first.
std::vector<std::string> PushUrlCandidates(git_repository* repo, const std::string& name_or_url,
                                           const std::string& git_url);

// True when `repo` has a remote called `name`.
bool IsRemoteName(git_repository* repo, const std::string& name);

}  // namespace cg
