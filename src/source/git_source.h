// GitSource: what the three git sources (--staged, --range, --history) share, and the factory
// the CLI uses to build one.
//
// Items are keyed by 40-hex blob id (Origin.blob set; Origin.path/commit set where the source
// knows them), read through GitBlobReader (one git_repository per worker). Things skipped on
// purpose (submodules, Git LFS pointers, unreachable blobs) are not errors: they are collected
// as human-readable notes the CLI may print.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "source/source.h"

namespace cg {

class GitSource : public Source {
 public:
  explicit GitSource(std::string repo_path) : repo_path_(std::move(repo_path)) {}
  Expected<std::unique_ptr<ItemReader>> NewReader() override;
  bool items_are_blobs() const override { return true; }
  // Notes gathered by Enumerate() and Finish(); never contain file content.
  const std::vector<std::string>& notes() const { return notes_; }

 protected:
  std::string repo_path_;
  std::vector<std::string> notes_;
};

enum class GitScanMode { kStaged, kRange, kHistory };

struct GitSourceOptions {
  GitScanMode mode = GitScanMode::kStaged;
  std::string repo_path = ".";  // work tree, .git folder or bare repository
  std::string revspec;          // kRange only: "A..B", "B --not --remotes=origin", "B ^A", ...
};

// Builds the source for `options`. The repository is opened lazily by Enumerate(), so a
// missing repository is reported there (exit 3), while a bad option is InvalidArgument here.
Expected<std::unique_ptr<GitSource>> MakeGitSource(const GitSourceOptions& options);

}  // namespace cg
