#include "source/git_index_source.h"

#include <set>

#include "source/git_handle.h"

namespace cg {

Status GitIndexSource::Enumerate(std::vector<Item>* items, std::vector<ScanError>* /*errors*/) {
  auto repo = git::OpenRepository(repo_path_);
  if (!repo.ok()) return repo.status();
  git_repository* r = repo->get();
  if (git_repository_is_bare(r)) {
    return Status::InvalidArgument("--staged needs a work tree; " + repo_path_ + " is a bare repository");
  }

  git::Tree head_tree;
  git_object* head = nullptr;
  int rc = git_revparse_single(&head, r, "HEAD^{tree}");
  if (rc == 0) {
    head_tree.reset(reinterpret_cast<git_tree*>(head));
  } else if (rc != GIT_ENOTFOUND && git_repository_head_unborn(r) != 1) {
    return git::GitStatus(rc, "cannot read the tree of HEAD in " + repo_path_);
  }  // else: unborn HEAD, everything staged is new.

  auto index_or = git::OpenIndex(r, repo_path_);
  if (!index_or.ok()) {
    // libgit2 1.5 reads neither split indexes ('link') nor sparse ones ('sdir'); git does.
    Status s = ListStagedWithGitBinary(items);
    if (!s.ok()) return Status::IoError(index_or.status().message() + "; and " + s.message());
    return Status::Ok();
  }
  git::Index index = std::move(*index_or);

  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE;
  git_diff* raw_diff = nullptr;
  rc = git_diff_tree_to_index(&raw_diff, r, head_tree.get(), index.get(), &opts);
  if (rc != 0) return git::GitStatus(rc, "cannot compare the index with HEAD in " + repo_path_);
  git::Diff diff(raw_diff);

  std::set<std::pair<std::string, std::string>> seen;  // (path, blob)
  size_t n = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    std::string path = git::EscapePath(d->new_file.path ? d->new_file.path : "");
    switch (d->status) {
      case GIT_DELTA_ADDED:
      case GIT_DELTA_MODIFIED:
      case GIT_DELTA_TYPECHANGE:
      case GIT_DELTA_COPIED:
      case GIT_DELTA_RENAMED:
        break;
      case GIT_DELTA_CONFLICTED:
        Skip(path, "", "unresolved merge conflict in the index");
        continue;
      default:
        continue;  // deleted, unmodified, ignored, untracked: nothing to commit
    }
    if (d->new_file.mode == GIT_FILEMODE_COMMIT) {
      Skip(path, "", "submodule (commit " + git::OidHex(d->new_file.id) + "): not scanned");
      continue;
    }
    std::string blob = git::OidHex(d->new_file.id);
    if (!seen.insert({path, blob}).second) continue;
    Item item;
    item.key = blob;
    item.origin.path = path;
    item.origin.blob = blob;
    if (d->new_file.flags & GIT_DIFF_FLAG_VALID_SIZE) item.size = static_cast<int64_t>(d->new_file.size);
    items->push_back(std::move(item));
  }
  return Status::Ok();
}

}  // namespace cg
