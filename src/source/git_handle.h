// Move-only owners for libgit2 handles, and libgit2 error text captured at once.
#pragma once

#include <memory>
#include <string>

#include <git2.h>

namespace cg {

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { if (p) Free(p); }
};

using GitRepository = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using GitOdb = std::unique_ptr<git_odb, GitDeleter<git_odb, git_odb_free>>;
using GitOdbObject = std::unique_ptr<git_odb_object, GitDeleter<git_odb_object, git_odb_object_free>>;
using GitIndex = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using GitTree = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using GitCommit = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using GitRevwalk = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using GitDiff = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;
using GitBlob = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using GitConfig = std::unique_ptr<git_config, GitDeleter<git_config, git_config_free>>;
using GitRemote = std::unique_ptr<git_remote, GitDeleter<git_remote, git_remote_free>>;

// The last libgit2 error as text (copied at once: libgit2 reuses the buffer).
inline std::string GitErrorText() {
  const git_error* e = git_error_last();
  return e && e->message ? std::string(e->message) : std::string("unknown libgit2 error");
}

// Initialises libgit2 once per process (thread-safe).
void EnsureLibgit2();

}  // namespace cg
