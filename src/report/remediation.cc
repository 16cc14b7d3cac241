#include "report/remediation.h"

#include "report/printable.h"

namespace cg {

Place PlaceOf(const Origin& o) { return o.commit.empty() && o.blob.empty() ? Place::kWorkTree : Place::kHistory; }

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

std::vector<std::string> NextSteps(const std::string& category, Place place, const std::string& p) {
  std::vector<std::string> steps;
  if (category == "secret") {
    steps.push_back("revoke the credential and issue a new one (rotate): deleting it from git does not make it "
                    "secret again");
    if (place == Place::kWorkTree) {
      steps.push_back("read it from an environment variable or a secret store instead");
      steps.push_back("stop tracking the file: git rm --cached -- " + p + ", and list it in .gitignore");
    } else {
      steps.push_back("purge it from every commit: git filter-repo --invert-paths --path " + p +
                      " (or --replace-text for one line), then force-push and have collaborators re-clone");
    }
    return steps;
  }
  if (place == Place::kWorkTree) {
    steps.push_back("stop tracking it (the file stays on disk): git rm --cached -- " + p);
    steps.push_back("keep it out from now on: add " + p + " (or a pattern for such files) to .gitignore");
    steps.push_back("keep participant data where the data access agreement allows (the approved research "
                    "environment), not in a repository");
  } else {
    steps.push_back("remove it from every commit: git filter-repo --invert-paths --path " + p +
                    ", then force-push all branches and tags and have collaborators re-clone");
    steps.push_back("rotate anything that protected it and notify the project's data lead");
    steps.push_back("if a commit holding it was ever pushed, the data has left your control: report it to the data "
                    "custodian (e.g. the cohort's access team) as the data access agreement requires");
  }
  return steps;
}

}  // namespace cg
