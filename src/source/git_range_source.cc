#include "source/git_range_source.h"

#include <unordered_set>

#include "source/git_commit_changes.h"
#include "source/git_handle.h"
#include "source/git_revspec.h"

namespace cg {

Status GitRangeSource::Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) {
  auto repo = git::OpenRepository(repo_path_);
  if (!repo.ok()) return repo.status();
  git_repository* r = repo->get();
  // libgit2 1.5 walks into the missing parents of a shallow clone's boundary and stops; git
  // knows where the clone's history ends.
  if (git_repository_is_shallow(r) == 1) {
    Status listed = ListRangeWithGitBinary(revspec_, items);
    if (listed.ok()) {
      SetAsideUnfetched(r, items);
      CountNotInClone(errors);
    }
    return listed;
  }

  auto walk_or = git::NewOldestFirstWalk(r, repo_path_);
  if (!walk_or.ok()) return walk_or.status();
  git::Revwalk walk = std::move(*walk_or);
  Status s = git::ApplyRevspec(r, walk.get(), revspec_, errors);
  if (!s.ok()) return s;
  int rc = 0;

  std::unordered_set<std::string> seen;
  git_oid id;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    git_commit* raw_commit = nullptr;
    std::string commit_hex = git::OidHex(id);
    rc = git_commit_lookup(&raw_commit, r, &id);
    if (rc != 0) {
      ScanError e;
      e.origin.commit = commit_hex;
      e.message = git::GitStatus(rc, "cannot read commit " + commit_hex).message();
      errors->push_back(std::move(e));
      continue;
    }
    git::Commit commit(raw_commit);
    git::ForEachIntroducedEntry(r, commit.get(), [&](const git::ChangedEntry& c) {
      std::string path = git::EscapePath(c.raw_path);
      std::string blob = git::OidHex(c.id);
      if (c.mode == GIT_FILEMODE_COMMIT) {
        Skip(path, commit_hex, "submodule (commit " + blob + "): not scanned");
        return true;
      }
      Item item;
      item.key = blob;
      item.origin.path = path;
      item.origin.blob = blob;
      item.origin.commit = commit_hex;
      item.listed_only = !seen.insert(blob).second;  // read once; every path it had is checked
      items->push_back(std::move(item));
      return true;
    }, errors);
  }
  if (rc != GIT_ITEROVER) {
    // The walk itself broke (a missing commit in the graph): what was listed is still scanned.
    ScanError e;
    e.message = git::GitStatus(rc, "commit walk of '" + revspec_ + "' stopped early").message();
    errors->push_back(std::move(e));
  }
  SetAsideUnfetched(r, items);
  CountNotInClone(errors);
  return Status::Ok();
}

}  // namespace cg
