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

#include "core/status.h"
#include "source/git_handle.h"

namespace cg::git {

// A revwalk over `repo` that yields parents before children (oldest first), so the first commit
// that introduces a blob is met first. `repo_path` only names the repository in errors.
Expected<Revwalk> NewOldestFirstWalk(git_repository* repo, const std::string& repo_path);

// Pushes/hides the commits `spec` names on `walk`. Unknown revisions and unsupported syntax are
// InvalidArgument naming the word. An empty selection (nothing included) is InvalidArgument.
Status ApplyRevspec(git_repository* repo, git_revwalk* walk, const std::string& spec);

// Pushes (or hides) every ref that peels to a commit (branches, tags, remotes, stash, notes) and
// HEAD. Refs naming a tree or blob, and dangling refs, are skipped: they introduce no path.
void PushEveryRef(git_repository* repo, git_revwalk* walk, bool hide);

}  // namespace cg::git
