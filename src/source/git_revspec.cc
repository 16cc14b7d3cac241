#include "source/git_revspec.h"

#include <sstream>

#include "source/git_handle.h"

namespace cg::git {
namespace {

Status Invalid(const std::string& word, const std::string& why) {
  return Status::InvalidArgument("bad revision '" + word + "' in --range: " + why);
}

Status PushOrHideRev(git_repository* repo, git_revwalk* walk, const std::string& rev, bool hide) {
  git_object* obj = nullptr;
  int rc = git_revparse_single(&obj, repo, rev.c_str());
  if (rc != 0) return Invalid(rev, GitStatus(rc, "cannot resolve").message());
  Object owned(obj);
  git_object* peeled = nullptr;
  rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
  if (rc != 0) return Invalid(rev, "does not name a commit");
  Object owned_peeled(peeled);
  const git_oid* id = git_object_id(peeled);
  rc = hide ? git_revwalk_hide(walk, id) : git_revwalk_push(walk, id);
  if (rc != 0) return GitStatus(rc, "cannot walk from " + rev);
  return Status::Ok();
}

// "--remotes=origin" -> "refs/remotes/origin" (libgit2 appends "/*" when there is no wildcard).
Status PushOrHideGlob(git_revwalk* walk, const std::string& word, const std::string& refs_dir,
                      bool hide) {
  std::string glob = "refs/" + refs_dir;
  size_t eq = word.find('=');
  if (eq != std::string::npos) glob += "/" + word.substr(eq + 1);
  int rc = hide ? git_revwalk_hide_glob(walk, glob.c_str()) : git_revwalk_push_glob(walk, glob.c_str());
  if (rc != 0) return Invalid(word, GitStatus(rc, "cannot expand " + glob).message());
  return Status::Ok();
}

bool HasPrefixOption(const std::string& word, const std::string& option) {
  return word == option || word.rfind(option + "=", 0) == 0;
}

}  // namespace

Expected<Revwalk> NewOldestFirstWalk(git_repository* repo, const std::string& repo_path) {
  git_revwalk* raw = nullptr;
  int rc = git_revwalk_new(&raw, repo);
  if (rc != 0) return GitStatus(rc, "cannot walk commits of " + repo_path);
  Revwalk walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  return walk;
}

void PushEveryRef(git_repository* repo, git_revwalk* walk, bool hide) {
  git_reference_iterator* raw_it = nullptr;
  if (git_reference_iterator_new(&raw_it, repo) == 0) {
    std::unique_ptr<git_reference_iterator, void (*)(git_reference_iterator*)> it(
        raw_it, git_reference_iterator_free);
    git_reference* raw_ref = nullptr;
    while (git_reference_next(&raw_ref, it.get()) == 0) {
      Reference ref(raw_ref);
      git_object* target = nullptr;
      if (git_reference_peel(&target, ref.get(), GIT_OBJECT_COMMIT) != 0) continue;
      Object owned(target);
      if (hide) git_revwalk_hide(walk, git_object_id(target)); else git_revwalk_push(walk, git_object_id(target));
    }
  }
  // Detached HEAD; fails harmlessly when unborn.
  if (hide) git_revwalk_hide_head(walk); else git_revwalk_push_head(walk);
}

Status ApplyRevspec(git_repository* repo, git_revwalk* walk, const std::string& spec) {
  std::istringstream words(spec);
  std::string w;
  bool negate = false;
  bool included = false;
  while (words >> w) {
    Status s;
    if (w == "--not") {
      negate = !negate;
      continue;
    } else if (w == "--all") {
      PushEveryRef(repo, walk, negate);
    } else if (HasPrefixOption(w, "--branches")) {
      s = PushOrHideGlob(walk, w, "heads", negate);
    } else if (HasPrefixOption(w, "--remotes")) {
      s = PushOrHideGlob(walk, w, "remotes", negate);
    } else if (HasPrefixOption(w, "--tags")) {
      s = PushOrHideGlob(walk, w, "tags", negate);
    } else if (w.rfind("--", 0) == 0) {
      return Invalid(w, "unknown option");
    } else if (w.find("...") != std::string::npos) {
      return Invalid(w, "symmetric ranges (A...B) are not supported; use A..B or B --not A");
    } else if (size_t dots = w.find(".."); dots != std::string::npos) {
      std::string from = w.substr(0, dots), to = w.substr(dots + 2);
      if (from.empty()) from = "HEAD";
      if (to.empty()) to = "HEAD";
      s = PushOrHideRev(repo, walk, from, !negate);
      if (s.ok()) s = PushOrHideRev(repo, walk, to, negate);
    } else if (w[0] == '^') {
      s = PushOrHideRev(repo, walk, w.substr(1), !negate);
    } else {
      s = PushOrHideRev(repo, walk, w, negate);
    }
    if (!s.ok()) return s;
    // Whether something was pushed is tracked per word; hides alone select nothing.
    if (!negate && w[0] != '^') included = true;
    if (negate && w[0] == '^') included = true;
  }
  if (!included) return Status::InvalidArgument("--range '" + spec + "' includes no commits");
  return Status::Ok();
}

}  // namespace cg::git
