// GitIndexSource (--staged): the blobs in the index that differ from HEAD, i.e. what the next
// commit would add or change, reported by path. An unborn HEAD (the first commit) compares
// against the empty tree. Deleted files contribute nothing; submodule entries (gitlinks) and
// unresolved conflicts are skipped with a note.
#pragma once

#include "source/git_source.h"

namespace cg {

class GitIndexSource : public GitSource {
 public:
  using GitSource::GitSource;
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;
};

}  // namespace cg
