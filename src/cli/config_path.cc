#include "cli/config_path.h"

#include "source/git_handle.h"

namespace cg {

std::string DefaultConfigPath() {
  EnsureLibgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, ".", 0, nullptr) == 0) {
    GitRepository repo(raw);
    if (const char* workdir = git_repository_workdir(repo.get())) return std::string(workdir) + ".cohortguard.yaml";
  }
  return ".cohortguard.yaml";
}

}  // namespace cg
