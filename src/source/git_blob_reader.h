// GitBlobReader: the ItemReader of every git source. Opens items keyed by a 40-hex blob id.
//
// Each reader owns its own git_repository (one per worker thread, never shared). Open() reads the
// whole object through the ODB (packs, loose objects, alternates) and returns a stream that
// keeps the git_odb_object alive and views its bytes, so the engine can sniff the head and stop
// without another copy. A missing or corrupt object is an error Status naming the blob id; the
// engine records it and goes on with the next item.
#pragma once

#include <memory>
#include <string>

#include "source/git_handle.h"
#include "source/source.h"

namespace cg {

class GitBlobReader : public ItemReader {
 public:
  // `repo_path` as given to the source (a work tree, a .git folder or a bare repository).
  static Expected<std::unique_ptr<ItemReader>> Create(const std::string& repo_path);

  Expected<std::unique_ptr<ByteStream>> Open(const Item& item) override;

 private:
  GitBlobReader(git::Repository repo, git::Odb odb) : repo_(std::move(repo)), odb_(std::move(odb)) {}
  git::Repository repo_;
  git::Odb odb_;
};

}  // namespace cg
