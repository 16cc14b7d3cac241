#include "source/git_revspec.h"

#include <sstream>

#include "source/git_handle.h"

namespace cg::git {
namespace {

// Why `ref` does not peel to a commit when the object it names cannot be read (missing, or in a
// damaged pack); "" when it names a readable tree, blob or tag of one (nothing to walk), or is a
// symbolic ref to nothing (an unborn branch, a stale origin/HEAD).
std::string UnreadableTarget(git_repository* repo, git_reference* ref) {
  git_reference* raw = nullptr;
  if (git_reference_resolve(&raw, ref) != 0) return "";
  Reference resolved(raw);
  const git_oid* id = git_reference_target(resolved.get());
  if (!id) return "";
  git_object* obj = nullptr;
  int rc = git_object_lookup(&obj, repo, id, GIT_OBJECT_ANY);
  if (rc == 0) {
    Object owned(obj);
    git_object* peeled = nullptr;
    rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
    if (rc == 0) git_object_free(peeled);
    if (rc == 0 || rc == GIT_EINVALIDSPEC || rc == GIT_EPEEL) return "";
    return GitStatus(rc, "ref " + std::string(git_reference_name(ref)) + " points to " + OidHex(*id) +
                             ", whose target cannot be read").message();
  }
  return GitStatus(rc, "ref " + std::string(git_reference_name(ref)) + " points to " + OidHex(*id) +
                           ", which cannot be read").message();
}

Status Invalid(const std::string& word, const std::string& why) {
  return Status::InvalidArgument("bad revision '" + word + "' in --range: " + why);
}

Status PushOrHideRev(git_repository* repo, git_revwalk* walk, const std::string& rev, bool hide) {
  git_object* obj = nullptr;
  int rc = git_revparse_single(&obj, repo, rev.c_str());
  if (rc != 0) {
    Status why = GitStatus(rc, "cannot resolve");
    // A ref that exists but names an object that cannot be read is damage, not a typo.
    git_reference* raw = nullptr;
    if (git_reference_dwim(&raw, repo, rev.c_str()) == 0) {
      Reference ref(raw);
      std::string unreadable = UnreadableTarget(repo, ref.get());
      if (!unreadable.empty()) return Status::IoError(unreadable);
    }
    return Invalid(rev, why.message());
  }
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


namespace {

// Pushes (or hides) every ref matching `glob` (all refs when null) that peels to a commit.
void PushRefs(git_repository* repo, git_revwalk* walk, const char* glob, bool hide, std::vector<ScanError>* errors) {
  git_reference_iterator* raw_it = nullptr;
  int rc = glob ? git_reference_iterator_glob_new(&raw_it, repo, glob) : git_reference_iterator_new(&raw_it, repo);
  if (rc != 0) {
    if (errors) errors->push_back({Origin{}, GitStatus(rc, "cannot list the refs").message()});
    return;
  }
  std::unique_ptr<git_reference_iterator, void (*)(git_reference_iterator*)> it(raw_it, git_reference_iterator_free);
  git_reference* raw_ref = nullptr;
  while ((rc = git_reference_next(&raw_ref, it.get())) == 0) {
    Reference ref(raw_ref);
    git_object* target = nullptr;
    if (git_reference_peel(&target, ref.get(), GIT_OBJECT_COMMIT) != 0) {
      std::string why = UnreadableTarget(repo, ref.get());
      if (!why.empty() && errors) errors->push_back({Origin{}, why});
      continue;
    }
    Object owned(target);
    if (hide) git_revwalk_hide(walk, git_object_id(target)); else git_revwalk_push(walk, git_object_id(target));
  }
  if (rc != GIT_ITEROVER && errors) errors->push_back({Origin{}, GitStatus(rc, "cannot list every ref").message()});
}

// "--remotes=origin" -> refs/remotes/origin/* (git implies "/*" when the pattern has no wildcard).
void PushGlob(git_repository* repo, git_revwalk* walk, const std::string& word, const std::string& refs_dir,
              bool hide, std::vector<ScanError>* errors) {
  std::string glob = "refs/" + refs_dir;
  size_t eq = word.find('=');
  std::string pattern = eq == std::string::npos ? "" : word.substr(eq + 1);
  if (!pattern.empty()) glob += "/" + pattern;
  if (pattern.find_first_of("?*[") == std::string::npos) glob += "/*";
  PushRefs(repo, walk, glob.c_str(), hide, errors);
}

}  // namespace

void PushEveryRef(git_repository* repo, git_revwalk* walk, bool hide, std::vector<ScanError>* errors) {
  PushRefs(repo, walk, nullptr, hide, errors);
  // Detached HEAD; fails harmlessly when unborn.
  if (hide) git_revwalk_hide_head(walk); else git_revwalk_push_head(walk);
}

Expected<std::vector<std::string>> RevListWords(const std::string& spec) {
  std::istringstream in(spec);
  std::vector<std::string> words;
  bool negate = false, included = false;
  for (std::string w; in >> w; words.push_back(w)) {
    if (w == "--not") {
      negate = !negate;
      continue;
    }
    bool option = w == "--all" || HasPrefixOption(w, "--branches") || HasPrefixOption(w, "--remotes") ||
                  HasPrefixOption(w, "--tags");
    if (!option && w.rfind("-", 0) == 0) return Invalid(w, "unknown option");
    if (w.find("...") != std::string::npos)
      return Invalid(w, "symmetric ranges (A...B) are not supported; use A..B or B --not A");
    // Hides alone select nothing; A..B always includes B.
    bool hides = w[0] == '^';
    if (w.find("..") != std::string::npos || negate == hides) included = true;
  }
  if (!included) return Status::InvalidArgument("--range '" + spec + "' includes no commits");
  return words;
}

Status ApplyRevspec(git_repository* repo, git_revwalk* walk, const std::string& spec, std::vector<ScanError>* errors) {
  auto words = RevListWords(spec);
  if (!words.ok()) return words.status();
  bool negate = false;
  for (const std::string& w : *words) {
    Status s;
    if (w == "--not") {
      negate = !negate;
    } else if (w == "--all") {
      PushEveryRef(repo, walk, negate, errors);
    } else if (HasPrefixOption(w, "--branches")) {
      PushGlob(repo, walk, w, "heads", negate, errors);
    } else if (HasPrefixOption(w, "--remotes")) {
      PushGlob(repo, walk, w, "remotes", negate, errors);
    } else if (HasPrefixOption(w, "--tags")) {
      PushGlob(repo, walk, w, "tags", negate, errors);
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
  }
  return Status::Ok();
}

}  // namespace cg::git
