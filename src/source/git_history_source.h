// GitHistorySource (--history): every blob in the object database, each listed exactly once:
// packs (of the repository and its alternates) and loose objects, reachable or not (deleted
// files, unmerged branches, dangling objects). Bare repositories work.
//
// Enumerate() lists packed blobs in pack-offset order (see pack_index.h) so readers resolve
// delta chains from a warm cache, then loose blobs. Items carry only the blob id: paths are not
// known up front. Enumerate() then starts the walk of the reachable history on a thread of its
// own (history_walk.h: every ref and HEAD, oldest first, each tree read once), so it runs while
// the workers scan instead of after them; it remembers the first commit and path of every blob
// it meets. Finish() waits for it and attributes the blobs that produced findings (or errors)
// to that commit and path. Blobs no commit reaches (dangling, reflog-only) keep their blob id
// and get no path or commit.
//
// Names: the same walk hands every distinct file and folder name over (TakeNames), so a secret
// in a name is found even when no content under it produced anything.
//
// Missing objects: the same walk checks every blob and tree the history references against the
// object database. In a partial clone (a promisor remote), what git has not fetched is listed
// under skipped ("not in this clone") with its commit and path, and one error counts them
// (exit 3: part of the history was not read). Anywhere else a missing object is an error naming
// it, its commit and path.
#pragma once

#include <memory>
#include <thread>
#include <unordered_set>

#include "source/git_handle.h"
#include "source/git_source.h"

namespace cg {

struct PackedBlobLocations;

class GitHistorySource : public GitSource {
 public:
  // `own_pack_reader` false reads every blob through libgit2 (for measurements and as a
  // fallback switch); the default reads packed blobs with PackReader.
  // `walk_early` false leaves the history walk to Finish() (to time the source alone).
  explicit GitHistorySource(std::string repo_path, bool own_pack_reader = true, bool walk_early = true);
  ~GitHistorySource() override;
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;
  Expected<std::unique_ptr<ItemReader>> NewReader() override;
  Status Finish(const std::vector<Origin*>& origins, std::vector<ScanError>* errors) override;
  // Every distinct file and folder name of the reachable history, once, at the first commit
  // and path the walk met it (folders end in '/'), for the secret rules.
  std::vector<Origin> TakeNames() override { return std::move(names_); }

 private:
  struct Walk;
  void RunWalk();

  bool own_pack_reader_;
  bool walk_early_;
  std::unique_ptr<Walk> walk_;  // what the walk found; written by its thread until joined
  std::thread walk_thread_;
  std::shared_ptr<PackedBlobLocations> packed_;
  // Objects the packs did not list (loose, or of a type only the object database can tell).
  std::unordered_set<git_oid, git::OidHash, git::OidEq> other_objects_;
  std::vector<Origin> names_;
};

}  // namespace cg
