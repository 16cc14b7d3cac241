// GitCliSource: --staged and --range on a repository libgit2 cannot read at all (SHA-256
// object ids, libgit2 1.5): listed by the git binary (GitSource's *WithGitBinary listings) and
// read through `git cat-file --batch`, one child per worker. Same items, notes and errors as
// the libgit2 sources, so a hook judges a SHA-256 repository on its content like any other.
// (--history stays with the history source, which says it cannot read SHA-256.)
#pragma once

#include "source/git_source.h"

namespace cg {

class GitCliSource : public GitSource {
 public:
  // REQUIRES: mode is kStaged or kRange.
  GitCliSource(std::string repo_path, GitScanMode mode, std::string revspec)
      : GitSource(std::move(repo_path)), mode_(mode), revspec_(std::move(revspec)) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;
  Expected<std::unique_ptr<ItemReader>> NewReader() override;

 private:
  GitScanMode mode_;
  std::string revspec_;
};

}  // namespace cg
