#include "source/work_tree_top.h"

#include <filesystem>

#include "source/git_handle.h"

namespace cg {

std::optional<std::string> FindWorkTreeTop(const std::string& start) {
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
    std::filesystem::path dir = std::filesystem::path(git_dir).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    if (dir.filename() != ".git") return std::nullopt;
    top = dir.parent_path().string();
  }
  top = std::filesystem::path(top).lexically_normal().string();
  while (top.size() > 1 && top.back() == '/') top.pop_back();
  return top;
}

}  // namespace cg
