// IgnoreRules: which paths of a folder walk git would hide, by git's rule: .gitignore (nested
// files, .git/info/exclude, core.excludesFile) hides only *untracked* paths; a tracked file is
// always scanned, even when it matches .gitignore (`git add -f`), and so is a folder that holds
// one.
//
// Read with libgit2 (ignore rules and the index); where libgit2 cannot read the repository or
// its index (SHA-256, split or sparse index) the git binary answers instead. When neither can
// (a repository owned by another user, git missing), problem() says why and nothing is hidden:
// the walk scans every file rather than guess, and the caller reports the problem.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>

#include "source/git_handle.h"

namespace cg {

class IgnoreRules {
 public:
  // The rules of the git work tree that contains the folder `start`, if any.
  explicit IgnoreRules(const std::filesystem::path& start);

  // In a git work tree whose rules could be read.
  bool active() const { return active_; }
  // Why the rules of the work tree holding `start` could not be read ("" when they could, or
  // when `start` is not in a work tree).
  const std::string& problem() const { return problem_; }

  // `p` is a path as the walk sees it (below `start`, as given).
  bool HidesFolder(const std::filesystem::path& p) const;
  bool HidesFile(const std::filesystem::path& p) const;

 private:
  std::string Relative(const std::filesystem::path& p) const;  // to the work tree top; "" outside
  bool Ignored(const std::string& rel, bool is_dir) const;
  void ReadWithGitBinary(const std::string& why_not_libgit2);
  Status ReadTrackedWithGitBinary();

  bool active_ = false;
  std::string problem_;
  GitRepository repo_;                        // libgit2 mode
  std::unordered_set<std::string> ignored_;   // git binary mode: "dir/" and "file" as git lists them
  std::unordered_set<std::string> tracked_;   // tracked files, relative to the top
  std::unordered_set<std::string> tracked_dirs_;  // every folder above a tracked file, "a/b/"
  std::filesystem::path workdir_;
  std::filesystem::path root_;   // the walk root, canonical
  std::filesystem::path start_;  // the walk root as given
};

}  // namespace cg
