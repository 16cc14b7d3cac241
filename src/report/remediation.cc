#include "report/remediation.h"

#include "report/printable.h"

namespace cg {

Place PlaceOf(const Origin& o) {
  if (!o.commit.empty()) return Place::kPushed;
  return o.blob.empty() ? Place::kWorkTree : Place::kUnreachable;
}

std::string ShellQuote(const std::string& path) {
  bool plain = !path.empty() && path[0] != '-';
  for (char c : path) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("_./+@%:,=-").find(c) != std::string_view::npos;
    plain &= ok;
  }
  if (plain) return path;
  if (!IsPrintable(path)) {  // bash/zsh ANSI-C quoting keeps every byte and prints nothing raw
    std::string escaped;
    for (char c : path) {
      if (c == '\'' || c == '\\') escaped += '\\';
      escaped += c;
    }
    return "$'" + Printable(escaped) + "'";
  }
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string MaskedPathGlob(const std::string& path) {
  if (path.find('*') == std::string::npos) return path;
  std::string glob;
  for (char c : path) {
    if (c == '*' && !glob.empty() && glob.back() == '*') continue;
    if (c == '?' || c == '[' || c == '\\') glob += '\\';
    glob += c;
  }
  return glob;
}

namespace {

bool IsMasked(const std::string& path) { return path.find('*') != std::string::npos; }

}  // namespace

std::string GitPathArgument(const std::string& path) { return ShellQuote(MaskedPathGlob(path)); }

std::string FilterRepoPathArgument(const std::string& path) {
  return (IsMasked(path) ? "--path-glob " : "--path ") + ShellQuote(MaskedPathGlob(path));
}

namespace {

constexpr const char* kNothingLeft = "nothing has left this machine: no history rewrite, rotation or report is needed";

std::vector<std::string> SecretSteps(Place place, const std::string& p, const std::string& fr) {
  switch (place) {
    case Place::kStaged:
      return {"unstage it: git restore --staged -- " + p + " (" + kNothingLeft + ")",
              "read the credential from an environment variable or a secret store instead",
              "keep the file out: list " + p + " in .gitignore"};
    case Place::kUnpushed:
      return {"take it out of the unpushed commits: git commit --amend if it is in the last one, else "
              "git rebase -i on the commit before it (edit or drop); nothing has left this machine through this push",
              "if those commits were pushed anywhere else, rotate the credential (revoke it, issue a new one)",
              "read the credential from an environment variable or a secret store instead"};
    case Place::kWorkTree:
      return {"revoke the credential and issue a new one (rotate): deleting it from git does not make it secret again",
              "read it from an environment variable or a secret store instead",
              "stop tracking the file: git rm --cached -- " + p + ", and list it in .gitignore"};
    case Place::kPushed:
      return {"revoke the credential and issue a new one (rotate): deleting it from git does not make it secret again",
              "purge it from every commit: git filter-repo --invert-paths " + fr +
                  " (or --replace-text for one line), then force-push and have collaborators re-clone"};
    case Place::kUnreachable:
      return {"revoke the credential and issue a new one (rotate): it is stored in this repository's objects",
              "it is in no commit, so there is no path to filter out: git reflog expire --expire=now --all && "
              "git gc --prune=now, and ask the hosting server's administrators to purge the object"};
  }
  return {};
}

// A secret in a file or folder name: the name is what leaks, so the fix is a new name, not
// untracking or ignoring a file that keeps it.
std::vector<std::string> NameSecretSteps(Place place, const std::string& p, const std::string& fr) {
  const std::string rename =
      "rename it so no file or folder name holds the credential (a name is committed and pushed like content)";
  const std::string rotate = "revoke the credential and issue a new one (rotate): renaming it does not make it secret again";
  switch (place) {
    case Place::kStaged:
      return {"unstage it: git restore --staged -- " + p + " (" + kNothingLeft + ")",
              rename + ", then stage it again; keep the credential in an environment variable or a secret store"};
    case Place::kUnpushed:
      return {rename + ", then take the old name out of the unpushed commits: git commit --amend if it is in the "
              "last one, else git rebase -i on the commit before it (edit or drop); nothing has left this machine "
              "through this push",
              "if those commits were pushed anywhere else, rotate the credential (revoke it, issue a new one)"};
    case Place::kWorkTree:
      return {rotate, rename + "; if it is tracked, commit the rename (git add -A)"};
    case Place::kPushed:
      return {rotate,
              rename + " and commit the rename, then purge the old name from every commit: git filter-repo "
              "--invert-paths " + fr + ", force-push and have collaborators re-clone"};
    case Place::kUnreachable:
      return SecretSteps(place, p, fr);
  }
  return {};
}

std::vector<std::string> DataSteps(Place place, const std::string& p, const std::string& fr) {
  const std::string custodian =
      "the data has left your control: report it to the data custodian (e.g. the cohort's access team) as the "
      "data access agreement requires";
  switch (place) {
    case Place::kStaged:
      return {"unstage it: git restore --staged -- " + p + ", or stop tracking it (the file stays on disk): "
                  "git rm --cached -- " + p + " (" + kNothingLeft + ")",
              "keep it out from now on: add " + p + " (or a pattern for such files) to .gitignore",
              "keep participant data where the data access agreement allows (the approved research environment), "
              "not in a repository"};
    case Place::kUnpushed:
      return {"take it out of the unpushed commits: git commit --amend if it is in the last one, else "
              "git rebase -i on the commit before it (edit or drop), or git filter-repo --invert-paths " + fr +
                  " on unpushed branches; nothing has left this machine through this push",
              "if those commits were pushed anywhere else, " + custodian};
    case Place::kWorkTree:
      return {"stop tracking it (the file stays on disk): git rm --cached -- " + p,
              "keep it out from now on: add " + p + " (or a pattern for such files) to .gitignore",
              "keep participant data where the data access agreement allows (the approved research environment), "
              "not in a repository"};
    case Place::kPushed:
      return {"remove it from every commit: git filter-repo --invert-paths " + fr +
                  ", then force-push all branches and tags and have collaborators re-clone",
              "rotate anything that protected it and notify the project's data lead",
              "if a commit holding it was ever pushed, " + custodian};
    case Place::kUnreachable:
      return {"it is in no commit, so there is no path to filter out: git reflog expire --expire=now --all && "
              "git gc --prune=now, and ask the hosting server's administrators to purge the object",
              "if it was ever pushed, " + custodian};
  }
  return {};
}

// The steps `make` gives for `path`, and how to list what a masked path matches.
std::vector<std::string> Steps(std::vector<std::string> (*make)(Place, const std::string&, const std::string&), Place place,
                               const std::string& path) {
  const std::string p = GitPathArgument(path), fr = FilterRepoPathArgument(path);
  std::vector<std::string> steps = make(place, p, fr);
  if (IsMasked(path) && place != Place::kUnreachable)
    steps.push_back("the * in " + p + " stands for the part of the name that is not shown (it holds a secret); " +
                    (place == Place::kPushed ? "git log --all --format= --name-only -- " + p + " | sort -u"
                                              : "git ls-files -- " + p) +
                    " lists what it matches");
  return steps;
}

}  // namespace

bool SecretInName(const Finding& f) {
  if (f.category != "secret" || f.masked.empty() || f.line || !f.origin.member.empty()) return false;
  const size_t slash = f.origin.path.rfind('/');
  return f.origin.path.find(f.masked, slash == std::string::npos ? 0 : slash + 1) != std::string::npos;
}

std::vector<std::string> NextSteps(const Finding& f, Place place) {
  return SecretInName(f) ? Steps(NameSecretSteps, place, f.origin.path) : NextSteps(f.category, place, f.origin.path);
}

std::vector<std::string> NextSteps(const std::string& category, Place place, const std::string& path) {
  return Steps(category == "secret" ? SecretSteps : DataSteps, place, path);
}

}  // namespace cg
