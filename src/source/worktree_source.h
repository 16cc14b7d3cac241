// WorktreeSource: files and folders on disk.
//
// Walks each path given (a file or a folder), skipping `.git/`, symbolic links inside folders
// and anything that is not a regular file. Inside a git work tree it hides what git hides
// (ignore_rules.h: untracked files .gitignore matches; tracked files are always scanned) unless
// `no_ignore`; a folder named explicitly is scanned even if git ignores it. Ignore rules that
// cannot be read (a repository owned by another user) are an error and nothing is hidden.
// Item paths are the walked paths as the user would type them ("data/x.csv", "/abs/dir/x.csv").
#pragma once

#include <string>
#include <vector>

#include "source/source.h"

namespace cg {

struct WalkOptions {
  std::vector<std::string> paths{"."};
  bool no_ignore = false;
};

class WorktreeSource : public Source {
 public:
  explicit WorktreeSource(WalkOptions options) : options_(std::move(options)) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;
  Expected<std::unique_ptr<ItemReader>> NewReader() override;

 private:
  WalkOptions options_;
};

}  // namespace cg
