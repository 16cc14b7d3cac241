#include "source/work_tree_top.h"

#include <filesystem>

#include "source/git_handle.h"

namespace cg {

std::optional<std::string> FindWorkTreeTop(const std::string& start) {
  EnsureLibgit2();
  git_buf found = GIT_BUF_INIT;
  if (git_repository_discover(&found, start.c_str(), 0, nullptr) != 0) return std::nullopt;
  git_repository* raw = nullptr;
  int rc = git_repository_open(&raw, found.ptr);
  git_buf_dispose(&found);
  if (rc != 0) return std::nullopt;
  GitRepository repo(raw);
  const char* wd = git_repository_workdir(repo.get());
  if (!wd) return std::nullopt;
  std::string top = std::filesystem::path(wd).lexically_normal().string();
  while (top.size() > 1 && top.back() == '/') top.pop_back();
  return top;
}

}  // namespace cg
