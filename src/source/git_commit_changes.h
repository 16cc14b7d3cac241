// git_commit_changes: which blobs a commit introduces, computed from trees only (no textual diff).
//
// An entry (path, id) is introduced by a commit when none of the commit's parents has the same id
// at the same path: for a root commit that is every entry; for an ordinary commit, what it added
// or changed; for a merge, what differs from *every* parent, so content that first appears in a
// merge resolution ("evil merge") is reported even though `git log -p` prints no patch for it.
// Identical subtrees are skipped by id, so the cost is proportional to what changed.
#pragma once

#include <git2.h>

#include <functional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace cg::git {

struct ChangedEntry {
  std::string raw_path;  // bytes as stored in the tree, '/'-separated
  git_oid id;
  git_filemode_t mode;   // GIT_FILEMODE_BLOB, _BLOB_EXECUTABLE, _LINK or _COMMIT (gitlink)
};

// Calls `fn` for every entry `commit` introduces (blobs, symlinks and gitlinks; never trees).
// A tree that cannot be read is added to `errors` with its id, the commit and the path, and the
// walk goes on with the rest. `fn` returning false stops the walk early.
// REQUIRES: repo and commit belong to the calling thread.
void ForEachIntroducedEntry(git_repository* repo, git_commit* commit,
                            const std::function<bool(const ChangedEntry&)>& fn,
                            std::vector<ScanError>* errors);

}  // namespace cg::git
