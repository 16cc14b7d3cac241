// Move-only owners for libgit2 handles, and libgit2 error text captured at once.
//
// Every libgit2 handle lives in a std::unique_ptr with a deleter, so no early return leaks one.
// Thread-safety: a git_repository (and everything read through it) belongs to one thread; each
// worker opens its own.
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <git2.h>

#include "core/status.h"

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

// Helpers of the git sources (--staged, --range, --history).
namespace cg::git {

template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, GitDeleter<T, Free>>;

using Repository = Handle<git_repository, git_repository_free>;
using Odb = Handle<git_odb, git_odb_free>;
using OdbObject = Handle<git_odb_object, git_odb_object_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Tree = Handle<git_tree, git_tree_free>;
using TreeEntry = Handle<git_tree_entry, git_tree_entry_free>;
using Revwalk = Handle<git_revwalk, git_revwalk_free>;
using Index = Handle<git_index, git_index_free>;
using Diff = Handle<git_diff, git_diff_free>;
using Object = Handle<git_object, git_object_free>;
using Reference = Handle<git_reference, git_reference_free>;

// EnsureLibgit2(), then: turns off libgit2's hash check of every object read (git cat-file
// does not check either; it cost a third of a full-history read) and bounds libgit2's mapped
// pack windows (32 MiB each, 256 MiB in all) and object cache (128 MiB). Idempotent, thread-safe.
void EnsureInitialized();

// A Status for a failed libgit2 call: "<what>: <libgit2 message>". Missing objects and refs map
// to kNotFound, everything else to kIoError.
Status GitStatus(int rc, std::string_view what);

// Opens the repository containing `path` (searching upwards; bare repositories and
// repositories with alternates work). Errors name the path; a repository owned by another user
// is refused as git refuses it, with NotOwnedMessage().
// A SHA-256 repository is Unsupported here: libgit2 1.5 cannot read its objects, refs or index
// (the git sources read those with the git binary instead).
Expected<Repository> OpenRepository(const std::string& path);
// The same, SHA-256 repositories included, for their settings only: config, remotes, paths.
Expected<Repository> OpenRepositorySettings(const std::string& path);
bool IsSha256(git_repository* repo);
bool IsSha256Repository(const std::string& path);

// When libgit2 refused to open the repository containing `path` because another user owns it
// (libgit2 1.5 reports that as "config value 'safe.directory' was not found"): why, and the
// command that trusts it (git's safe.directory). "" when that is not the reason.
std::string NotOwnedMessage(const std::string& path);

// Hooks only: from now on OpenRepository() opens the repository the way git describes it in the
// environment (GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES,
// GIT_NAMESPACE; `path` is used only when GIT_DIR is unset). That is how a pre-commit hook sees
// the temporary index of `git commit -a` / `git commit PATH`, and a pre-receive hook sees the
// objects still in quarantine. Process-wide; call before any scan starts.
//
// GIT_INDEX_FILE is taken out of the process environment here (libgit2 would refuse to open the
// repository when it cannot read that index: split and sparse indexes) and given back by
// OpenIndex() and to git children (git_command.h).
void OpenRepositoriesFromEnvironment();
bool OpeningRepositoriesFromEnvironment();
// The index file git named in GIT_INDEX_FILE for this hook, or "".
const std::string& IndexFileFromEnvironment();

// The index a commit would be made from: GIT_INDEX_FILE's in a hook, else the repository's.
Expected<Index> OpenIndex(git_repository* repo, const std::string& repo_path);

std::string OidHex(const git_oid& oid);

// For unordered containers keyed by object id (ids are uniformly distributed).
struct OidHash {
  size_t operator()(const git_oid& o) const {
    size_t h;
    std::memcpy(&h, o.id, sizeof h);
    return h;
  }
};
struct OidEq {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b); }
};
// Parses a full 40-hex object id.
bool ParseOid(std::string_view hex, git_oid* out);

// A repository path as it may appear in a report: unchanged when it is valid UTF-8 without
// control characters, '"' or '\'; otherwise quoted the way git quotes paths ("a\303\251\n",
// octal escapes for every byte outside printable ASCII when the bytes are not valid UTF-8).
// Lossless: the quoted form can be decoded back to the exact bytes, and an unquoted path never
// starts with '"'.
std::string EscapePath(std::string_view raw);

}  // namespace cg::git
