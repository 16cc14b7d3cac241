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

struct git_repository;

namespace cg {

class GitSource : public Source {
 public:
  explicit GitSource(std::string repo_path) : repo_path_(std::move(repo_path)) {}
  Expected<std::unique_ptr<ItemReader>> NewReader() override;
  bool items_are_blobs() const override { return true; }
  // What Enumerate() skipped on purpose, and why; never file content.
  const std::vector<Skipped>& skipped() const { return skipped_; }
  // Said about the scan without making it incomplete (allow_partial_clone's count).
  const std::vector<std::string>& warnings() const { return warnings_; }
  // allow_partial_clone: the objects a partial clone has not fetched are still listed under
  // skipped, each with its path and commit, but their count is a warning, not an error.
  void set_allow_partial_clone(bool allow) { allow_partial_clone_ = allow; }

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

  // Partial clones (git clone --filter): what the history references but git has not
  // fetched. Each is listed under skipped ("not in this clone"); CountNotInClone then adds
  // one error with their number (a warning under allow_partial_clone). Nothing is fetched.
  void NotInClone(Origin origin, const std::string& what);
  void CountNotInClone(std::vector<ScanError>* errors);
  // In a partial clone, the items whose blobs the object database lacks become NotInClone.
  void SetAsideUnfetched(git_repository* repo, std::vector<Item>* items);

  std::string repo_path_;
  std::vector<Skipped> skipped_;
  std::vector<std::string> warnings_;
  bool allow_partial_clone_ = false;
  size_t not_in_clone_ = 0;
};

namespace git {
// A partial clone (git clone --filter=...): objects may be left on the promisor remote on purpose.
bool IsPartialClone(git_repository* repo);
}  // namespace git

enum class GitScanMode { kStaged, kRange, kHistory };

struct GitSourceOptions {
  GitScanMode mode = GitScanMode::kStaged;
  std::string repo_path = ".";  // work tree, .git folder or bare repository
  std::string revspec;          // kRange only: "A..B", "B --not --remotes=origin", "B ^A", ...
  bool allow_partial_clone = false;  // see GitSource::set_allow_partial_clone
  // kStaged: list and read with the git binary (git_cli_source) rather than libgit2. For the
  // pre-commit hook: git is running anyway, and libgit2's start-up (it loads every CA
  // certificate) and index parsing cost more than the whole listing.
  bool git_binary = false;
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
