#include "source/work_tree_top.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "source/git_handle.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

bool IsDir(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool Exists(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

// A git folder (a `.git` folder or a bare repository): HEAD, objects/ and refs/, as git checks.
bool IsGitDir(const fs::path& p) { return Exists(p / "HEAD") && IsDir(p / "objects") && IsDir(p / "refs"); }

// core.worktree (or a worktree's own config) moves the work tree away from the git folder's
// parent: git alone says where to then.
bool NamesAWorkTree(const fs::path& git_dir) {
  std::ifstream in(git_dir / "config");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str().find("worktree") != std::string::npos;
}

std::optional<std::string> Normal(const fs::path& top) {
  std::string s = top.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// libgit2's answer: discovery, then the repository's own idea of its work tree.
std::optional<std::string> FindWithLibgit2(const std::string& start) {
  EnsureLibgit2();
  git_buf found = GIT_BUF_INIT;
  if (git_repository_discover(&found, start.c_str(), 0, nullptr) != 0) return std::nullopt;
  std::string git_dir = found.ptr;
  git_buf_dispose(&found);
  git_repository* raw = nullptr;
  std::string top;
  if (git_repository_open(&raw, git_dir.c_str()) == 0) {
    GitRepository repo(raw);
    const char* wd = git_repository_workdir(repo.get());
    if (!wd) return std::nullopt;
    top = wd;
  } else {
    // libgit2 cannot open it (SHA-256, another owner): the top is still where .git is.
    fs::path dir = fs::path(git_dir).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    if (dir.filename() != ".git") return std::nullopt;
    top = dir.parent_path().string();
  }
  return Normal(top);
}

}  // namespace

// Walks up from `start` the way git's discovery does: the first folder that holds `.git` (a
// folder, or a file as worktrees and submodules have) is the top; a git folder met on the way
// (a bare repository, or the inside of `.git`) ends the search. Reading the file system is
// enough here, and a hook must not pay for a git library's start-up (certificates, config) to
// find one file; libgit2 answers the unusual case of core.worktree.
std::optional<std::string> FindWorkTreeTop(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  for (;;) {
    const fs::path dot_git = dir / ".git";
    if (IsDir(dot_git) && IsGitDir(dot_git)) {
      if (NamesAWorkTree(dot_git)) break;
      return Normal(dir);
    }
    if (Exists(dot_git) && !IsDir(dot_git)) return Normal(dir);  // "gitdir: ..." file
    if (IsGitDir(dir)) {
      if (dir.filename() == ".git" && !NamesAWorkTree(dir)) return Normal(dir.parent_path());
      if (dir.filename() != ".git") return std::nullopt;  // a bare repository
      break;
    }
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    dir = dir.parent_path();
  }
  return FindWithLibgit2(start);  // core.worktree
}

}  // namespace cg
