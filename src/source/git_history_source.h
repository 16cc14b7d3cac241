// GitHistorySource (--history): every blob in the object database, each listed exactly once:
// packs (of the repository and its alternates) and loose objects, reachable or not (deleted
// files, unmerged branches, dangling objects). Bare repositories work.
//
// Enumerate() lists packed blobs in pack-offset order (see pack_index.h) so readers resolve
// delta chains from a warm cache, then loose blobs. Items carry only the blob id: paths are not
// known up front. Finish() attributes the blobs that produced findings (or errors) to the first
// commit and path that introduced them, with one walk of the commit graph reachable from every
// ref and HEAD, oldest first, stopping as soon as every such blob is placed. Blobs no commit
// reaches (dangling, reflog-only) keep their blob id and get no path or commit. The walk is paid only when there is
// something to attribute; a scan without findings reads blobs and nothing else.
//
// Missing objects: --history reads what the object database holds, so an object that was
// removed is noticed when the attribution walk needs it (reported in errors with its id).
#pragma once

#include <memory>

#include "source/git_source.h"

namespace cg {

struct PackedBlobLocations;

class GitHistorySource : public GitSource {
 public:
  // `own_pack_reader` false reads every blob through libgit2 (for measurements and as a
  // fallback switch); the default reads packed blobs with PackReader.
  explicit GitHistorySource(std::string repo_path, bool own_pack_reader = true)
      : GitSource(std::move(repo_path)), own_pack_reader_(own_pack_reader) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;
  Expected<std::unique_ptr<ItemReader>> NewReader() override;
  Status Finish(std::vector<Finding>* findings, std::vector<ScanError>* errors) override;

 private:
  bool own_pack_reader_;
  std::shared_ptr<PackedBlobLocations> packed_;
};

}  // namespace cg
