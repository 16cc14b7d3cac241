#include "source/ignore_rules.h"

#include "source/git_command.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

const char kNothingHidden[] = "; .gitignore was not applied, so every file below was scanned";

template <typename Fn>
void ForEachNulSeparated(const std::string& out, Fn fn) {
  size_t start = 0;
  for (size_t i = 0; i <= out.size(); ++i) {
    if (i < out.size() && out[i] != '\0') continue;
    if (i > start) fn(out.substr(start, i - start));
    start = i + 1;
  }
}

}  // namespace

IgnoreRules::IgnoreRules(const fs::path& start) : start_(start) {
  EnsureLibgit2();
  std::error_code ec;
  root_ = fs::weakly_canonical(fs::absolute(start, ec), ec);
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  if (rc != 0) {
    if (std::string owner = git::NotOwnedMessage(start.string()); !owner.empty()) {
      problem_ = owner + kNothingHidden + " (--no-ignore scans every file without this error)";
      return;
    }
  }
  if (rc == GIT_ENOTFOUND) return;  // not in a work tree: nothing to hide
  if (rc != 0) {
    ReadWithGitBinary(GitErrorText());
    return;
  }
  repo_.reset(raw);
  const char* wd = git_repository_workdir(raw);
  if (!wd) { repo_.reset(); return; }  // a bare repository has no ignore rules
  workdir_ = fs::weakly_canonical(wd, ec);

  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, raw) == 0) {
    GitIndex index(raw_index);
    size_t n = git_index_entrycount(raw_index);
    for (size_t i = 0; i < n; ++i) {
      const git_index_entry* e = git_index_get_byindex(raw_index, i);
      std::string path = e->path;
      for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
        tracked_dirs_.insert(path.substr(0, slash + 1));
      tracked_.insert(std::move(path));
    }
  } else {
    // libgit2 1.5 reads neither split nor sparse indexes.
    std::string libgit2 = GitErrorText();
    if (Status s = ReadTrackedWithGitBinary(); !s.ok()) {
      problem_ = "cannot list the tracked files of " + workdir_.string() + ": " + libgit2 + "; and " + s.message() +
                 kNothingHidden;
      repo_.reset();
      return;
    }
  }
  active_ = true;
}

Status IgnoreRules::ReadTrackedWithGitBinary() {
  auto out = git::RunGit(workdir_.string(), {"ls-files", "-z", "--cached"});
  if (!out.ok()) return out.status();
  ForEachNulSeparated(*out, [this](std::string path) {
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      tracked_dirs_.insert(path.substr(0, slash + 1));
    tracked_.insert(std::move(path));
  });
  return Status::Ok();
}

void IgnoreRules::ReadWithGitBinary(const std::string& why_not_libgit2) {
  // git lists exactly what it hides: untracked paths its ignore rules match, an ignored folder
  // as "dir/" unless it holds a tracked file.
  auto top = git::RunGit(start_.string(), {"rev-parse", "--show-toplevel"});
  Expected<std::string> ignored = top.status();
  if (top.ok()) {
    while (!top->empty() && top->back() == '\n') top->pop_back();
    ignored = git::RunGit(*top, {"ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"});
  }
  if (!ignored.ok()) {
    problem_ = "cannot read git's ignore rules for " + start_.string() + ": " + why_not_libgit2 + "; and " +
               ignored.status().message() + kNothingHidden;
    return;
  }
  std::error_code ec;
  workdir_ = fs::weakly_canonical(*top, ec);
  ForEachNulSeparated(*ignored, [this](std::string path) { ignored_.insert(std::move(path)); });
  active_ = true;
}

std::string IgnoreRules::Relative(const fs::path& p) const {
  // Lexical only: one canonicalisation of the walk root, none per file.
  fs::path rel = (root_ / p.lexically_relative(start_)).lexically_normal().lexically_relative(workdir_);
  std::string r = rel.generic_string();
  if (r.empty() || r == "." || r.rfind("..", 0) == 0) return "";
  return r;
}

bool IgnoreRules::Ignored(const std::string& rel, bool is_dir) const {
  std::string r = is_dir ? rel + "/" : rel;
  if (!repo_) return ignored_.count(r) > 0;
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, repo_.get(), r.c_str()) != 0) return false;
  return ignored == 1;
}

bool IgnoreRules::HidesFolder(const fs::path& p) const {
  if (!active_) return false;
  std::string rel = Relative(p);
  if (rel.empty() || tracked_dirs_.count(rel + "/")) return false;
  return Ignored(rel, true);
}

bool IgnoreRules::HidesFile(const fs::path& p) const {
  if (!active_) return false;
  std::string rel = Relative(p);
  if (rel.empty() || tracked_.count(rel)) return false;
  return Ignored(rel, false);
}

}  // namespace cg
