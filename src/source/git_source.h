// GitSource: what the three git sources (--staged, --range, --history) share, and the factory
// the CLI uses to build one.
//
// Items are keyed by 40-hex blob id (Origin.blob set; Origin.path/commit set where the source
// knows them), read through GitBlobReader (one git_repository per worker). Entries skipped on
// purpose (submodules, unresolved conflicts) are not errors: the source lists them in skipped(),
// which the CLI adds to the report's skipped list. (Git LFS pointers are blobs like any other;
// the engine recognises them by content.)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "source/source.h"

namespace cg {

class GitSource : public Source {
 public:
  explicit GitSource(std::string repo_path) : repo_path_(std::move(repo_path)) {}
  Expected<std::unique_ptr<ItemReader>> NewReader() override;
  bool items_are_blobs() const override { return true; }
  // What Enumerate() skipped on purpose, and why; never file content.
  const std::vector<Skipped>& skipped() const { return skipped_; }

 protected:
  void Skip(std::string path, std::string commit, std::string reason) {
    Skipped s;
    s.origin.path = std::move(path);
    s.origin.commit = std::move(commit);
    s.reason = std::move(reason);
    skipped_.push_back(std::move(s));
  }

  // Listings by the git binary (git_cli_listing.cc), for what libgit2 cannot read. Same items,
  // skip notes and errors as the libgit2 listings; a failed git command is the returned Status.
  // The index: `git diff --cached` (split index, sparse index, SHA-256).
  Status ListStagedWithGitBinary(std::vector<Item>* items);
  // A revision range: `git rev-list` + `git diff-tree --stdin -c` (shallow clones, SHA-256).
  // Shallow boundary commits are scanned whole and noted in skipped(): their history is absent.
  Status ListRangeWithGitBinary(const std::string& revspec, std::vector<Item>* items);

  std::string repo_path_;
  std::vector<Skipped> skipped_;
};

enum class GitScanMode { kStaged, kRange, kHistory };

struct GitSourceOptions {
  GitScanMode mode = GitScanMode::kStaged;
  std::string repo_path = ".";  // work tree, .git folder or bare repository
  std::string revspec;          // kRange only: "A..B", "B --not --remotes=origin", "B ^A", ...
};

// Builds the source for `options`. A missing or unreadable repository is reported by
// Enumerate() (exit 3); a bad option or a revision range that does not resolve is
// InvalidArgument here (exit 2).
Expected<std::unique_ptr<GitSource>> MakeGitSource(const GitSourceOptions& options);

// What `cohortguard scan` does with --staged / --range REVSPEC / --history and its PATH
// arguments (at most one: the repository, default "."). nullopt when none of the three flags
// is set (a plain file system scan).
Expected<std::optional<GitSourceOptions>> GitTargetForScan(bool staged, const std::string& range, bool history,
                                                           const std::vector<std::string>& paths);

}  // namespace cg
