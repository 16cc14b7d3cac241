// git_revspec: turns a push-style revision selection into a libgit2 revwalk.
//
// Understood, in any combination (whitespace separated, as `git rev-list` takes them):
//   REV            include REV and its ancestors (any revparse expression naming a commit)
//   ^REV           exclude REV and its ancestors
//   A..B           B minus A (A defaults to HEAD when empty)
//   --not          flips include/exclude for the words after it
//   --all  --branches[=GLOB]  --remotes[=GLOB]  --tags[=GLOB]   refs by glob, as in git
// "A...B" (symmetric difference) is rejected with a message rather than guessed at.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"
#include "source/git_handle.h"

namespace cg::git {

// A revwalk over `repo` that yields parents before children (oldest first), so the first commit
// that introduces a blob is met first. `repo_path` only names the repository in errors.
Expected<Revwalk> NewOldestFirstWalk(git_repository* repo, const std::string& repo_path);

// The words of `spec` for `git rev-list`, after the same checks ApplyRevspec makes without a
// repository (unknown options, A...B, nothing included): InvalidArgument naming the word.
Expected<std::vector<std::string>> RevListWords(const std::string& spec);

// Pushes/hides the commits `spec` names on `walk`. Unknown revisions and unsupported syntax are
// InvalidArgument naming the word. An empty selection (nothing included) is InvalidArgument.
// A ref that names an object that cannot be read (missing, damaged pack) is an IoError naming
// the ref when the word names it, and an entry in `errors` (when given) when --all lists it.
Status ApplyRevspec(git_repository* repo, git_revwalk* walk, const std::string& spec,
                    std::vector<ScanError>* errors = nullptr);

// Pushes (or hides) every ref that peels to a commit (branches, tags, remotes, stash, notes) and
// HEAD. Refs naming a readable tree or blob, and symbolic refs to nothing, introduce no path and
// are passed over; a ref whose object cannot be read goes into `errors` (when given), naming it.
void PushEveryRef(git_repository* repo, git_revwalk* walk, bool hide, std::vector<ScanError>* errors = nullptr);

}  // namespace cg::git
