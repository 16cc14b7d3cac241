// WalkHistory: the blobs the reachable history references, for --history's attribution and for
// its check that nothing the history references is missing from the object database.
//
// Walks every commit reachable from every ref and HEAD, oldest first, and reads each tree id
// once: a tree met again holds nothing the walk has not seen (Nosey Parker's memoisation). So the
// first commit and path where a blob id is met is where it entered the history (parents come
// before children), and the cost is one read per distinct tree, not per commit and path.
// Commits and trees are read from the packs by a PackReader of the walk's own (libdeflate,
// delta cache, no lock shared with the scan's workers); loose objects, and anything a pack
// cannot resolve on its own, through libgit2.
#pragma once

#include <git2.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/status.h"
#include "source/pack_index.h"

namespace cg {

struct HistoryWalkCallbacks {
  // Called once per distinct blob id (symlinks included, gitlinks never): the commit that first
  // holds it and its path there, as raw tree bytes split into the folder (ends in '/' unless
  // empty) and the entry name.
  std::function<void(const git_oid& blob, const git_oid& commit, std::string_view dir, std::string_view name)> blob;
  // Optional: called for every entry (file, folder, symlink, gitlink) of every tree the walk
  // reads, so every name in the history is seen at least once (a tree met again holds no name
  // the walk has not seen). `id` is the entry's object, `is_file` true for blobs.
  std::function<void(const git_oid& id, bool is_file, const git_oid& commit, std::string_view dir,
                     std::string_view name)>
      name;
  // A commit or tree the walk could not read (`missing`: the object database lacks it, rather
  // than holding something damaged). `raw_path` is the tree's path in `commit` ("" for the root
  // tree or the commit itself).
  std::function<void(const git_oid& object, const char* kind, const git_oid& commit, const std::string& raw_path,
                     bool missing, const std::string& message)>
      unreadable;
};

// Walks the history of the repository at `repo_path`, reading packed objects from `packs` (the
// packs of the repository and its alternates, as the history source opened them). Refs that
// cannot be read and a commit walk that stops early go into `errors`.
Status WalkHistory(const std::string& repo_path, const std::vector<std::shared_ptr<const PackIndex>>& packs,
                   const HistoryWalkCallbacks& callbacks, std::vector<ScanError>* errors);

}  // namespace cg
