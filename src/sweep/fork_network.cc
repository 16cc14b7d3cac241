#include "sweep/fork_network.h"

#include "source/git_handle.h"

namespace cg {

std::string ForkNetwork(const std::string& repo_path, const std::string& relative) {
  const std::string own = "path:" + relative;
  auto repo = git::OpenRepository(repo_path);
  if (!repo.ok()) return own;
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo->get()) != 0) return own;
  git::Revwalk walk(raw);
  git_revwalk_simplify_first_parent(walk.get());
  if (git_revwalk_push_head(walk.get()) != 0) return own;
  git_oid id, last;
  bool any = false;
  int rc;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    last = id;
    any = true;
  }
  // A commit that cannot be read (shallow or damaged history) leaves the root unknown.
  return any && rc == GIT_ITEROVER ? "root:" + git::OidHex(last) : own;
}

}  // namespace cg
