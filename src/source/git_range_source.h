// GitRangeSource (--range REVSPEC): the blobs introduced by the commits in a revision range, i.e.
// what a push would send. Commits are visited oldest first (topological), and each blob is
// listed once, attributed to the first commit in the range and the path that introduced it.
// Merge commits count: content that appears first in a merge resolution is found (see
// git_commit_changes.h). Gitlinks are skipped with a note; unreadable trees or parents become
// errors and the walk goes on.
//
// "Introduced" is judged against the parents of each commit, not against every blob reachable
// from the excluded side: a blob that the excluded side already holds at another path and that a
// new commit re-adds is scanned again. That costs a rescan, never a miss.
#pragma once

#include "source/git_source.h"

namespace cg {

class GitRangeSource : public GitSource {
 public:
  GitRangeSource(std::string repo_path, std::string revspec)
      : GitSource(std::move(repo_path)), revspec_(std::move(revspec)) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;

 private:
  std::string revspec_;
};

}  // namespace cg
