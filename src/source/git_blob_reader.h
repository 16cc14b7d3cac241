// GitBlobReader: the ItemReader of every git source. Opens items keyed by a 40-hex blob id.
//
// Each reader owns its own git_repository (one per worker thread, never shared). Open() reads the
// whole object through the ODB (packs, loose objects, alternates) and returns a stream that
// keeps the git_odb_object alive and views its bytes, so the engine can sniff the head and stop
// without another copy. Given `packed`, blobs listed there are read with a PackReader of this
// reader's own (see pack_reader.h) and everything else, or anything the PackReader cannot
// resolve, through libgit2; what libgit2 reads is hashed and must match its id (a replaced loose
// object file). A missing or corrupt object is an error Status naming the blob id; the engine
// records it and goes on with the next item.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "source/git_handle.h"
#include "source/pack_index.h"
#include "source/source.h"

namespace cg {

class PackReader;

// Where the history source found each packed blob: (pack number, position in that pack's
// objects()). Built once by Enumerate(), then shared read-only by every reader.
struct PackedBlobLocations {
  std::vector<std::shared_ptr<const PackIndex>> packs;
  std::unordered_map<git_oid, std::pair<uint32_t, uint32_t>, git::OidHash, git::OidEq> where;
};

class GitBlobReader : public ItemReader {
 public:
  // `repo_path` as given to the source (a work tree, a .git folder or a bare repository).
  static Expected<std::unique_ptr<ItemReader>> Create(
      const std::string& repo_path, std::shared_ptr<const PackedBlobLocations> packed = nullptr);
  ~GitBlobReader() override;

  Expected<std::unique_ptr<ByteStream>> Open(const Item& item) override;

  // Inflated objects each reader keeps for delta resolution.
  static constexpr size_t kPackCacheBytes = 64u << 20;

 private:
  GitBlobReader(git::Repository repo, git::Odb odb, std::shared_ptr<const PackedBlobLocations> packed);
  Expected<std::unique_ptr<ByteStream>> OpenThroughLibgit2(const std::string& key, const git_oid& oid);

  git::Repository repo_;
  git::Odb odb_;
  std::shared_ptr<const PackedBlobLocations> packed_;
  std::vector<std::unique_ptr<PackReader>> pack_readers_;  // by pack number, made on first use
};

}  // namespace cg
