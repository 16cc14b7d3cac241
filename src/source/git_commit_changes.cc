#include "source/git_commit_changes.h"

#include "source/git_handle.h"

namespace cg::git {
namespace {

struct Walker {
  git_repository* repo;
  std::string commit_hex;
  const std::function<bool(const ChangedEntry&)>& fn;
  std::vector<ScanError>* errors;
  bool stopped = false;

  void Error(const std::string& path, const std::string& message) {
    ScanError e;
    e.origin.path = EscapePath(path);
    e.origin.commit = commit_hex;
    e.message = message;
    errors->push_back(std::move(e));
  }

  // `parents` are the trees at the same path in each parent (absent ones left out).
  void Walk(const git_tree* tree, const std::vector<Tree>& parents, const std::string& prefix) {
    size_t n = git_tree_entrycount(tree);
    for (size_t i = 0; i < n && !stopped; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      const char* name = git_tree_entry_name(e);
      const git_oid* id = git_tree_entry_id(e);
      git_object_t type = git_tree_entry_type(e);
      bool unchanged = false;
      std::vector<Tree> sub_parents;
      for (const Tree& p : parents) {
        const git_tree_entry* pe = git_tree_entry_byname(p.get(), name);
        if (pe == nullptr) continue;
        if (git_oid_equal(git_tree_entry_id(pe), id)) { unchanged = true; break; }
        if (type == GIT_OBJECT_TREE && git_tree_entry_type(pe) == GIT_OBJECT_TREE) {
          git_tree* sub = nullptr;
          // A parent subtree we cannot read only makes us report more, never less.
          if (git_tree_lookup(&sub, repo, git_tree_entry_id(pe)) == 0) sub_parents.emplace_back(sub);
        }
      }
      if (unchanged) continue;
      std::string path = prefix + name;
      if (type == GIT_OBJECT_TREE) {
        git_tree* sub = nullptr;
        int rc = git_tree_lookup(&sub, repo, id);
        if (rc != 0) {
          Error(path, GitStatus(rc, "cannot read tree " + OidHex(*id)).message());
          continue;
        }
        Tree owned(sub);
        Walk(owned.get(), sub_parents, path + "/");
      } else if (type == GIT_OBJECT_BLOB || type == GIT_OBJECT_COMMIT) {
        ChangedEntry c{path, *id, git_tree_entry_filemode(e)};
        if (!fn(c)) stopped = true;
      }
    }
  }
};

}  // namespace

void ForEachIntroducedEntry(git_repository* repo, git_commit* commit,
                            const std::function<bool(const ChangedEntry&)>& fn,
                            std::vector<ScanError>* errors) {
  Walker w{repo, OidHex(*git_commit_id(commit)), fn, errors};
  git_tree* raw = nullptr;
  int rc = git_commit_tree(&raw, commit);
  if (rc != 0) {
    w.Error("", GitStatus(rc, "cannot read the tree of commit " + w.commit_hex).message());
    return;
  }
  Tree tree(raw);
  std::vector<Tree> parents;
  unsigned np = git_commit_parentcount(commit);
  for (unsigned i = 0; i < np; ++i) {
    git_commit* parent = nullptr;
    rc = git_commit_parent(&parent, commit, i);
    if (rc != 0) {
      // Shallow clones and broken mirrors: without the parent everything looks introduced.
      w.Error("", GitStatus(rc, "cannot read parent " + std::to_string(i + 1) + " of commit " +
                                    w.commit_hex).message());
      continue;
    }
    Commit owned(parent);
    git_tree* pt = nullptr;
    rc = git_commit_tree(&pt, parent);
    if (rc != 0) {
      w.Error("", GitStatus(rc, "cannot read the tree of commit " +
                                    OidHex(*git_commit_id(parent))).message());
      continue;
    }
    parents.emplace_back(pt);
  }
  w.Walk(tree.get(), parents, "");
}

}  // namespace cg::git
