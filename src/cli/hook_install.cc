#include "cli/hook_install.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/hook_shims.h"
#include "source/git_handle.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What the hooks run. The portable tarball's launcher starts the binary through its bundled
// ld.so (so /proc/self/exe is the loader) and names itself in COHORTGUARD_EXECUTABLE.
std::string ThisExecutable() {
  if (const char* launcher = std::getenv("COHORTGUARD_EXECUTABLE"); launcher && *launcher) return launcher;
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("cohortguard") : p.string();
}

Status WriteExecutable(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".cohortguard-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  if (chmod(tmp.c_str(), 0755) != 0 || rename(tmp.c_str(), path.c_str()) != 0) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return Status::IoError("cannot install " + path.string() + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status InstallOne(const fs::path& dir, const std::string& hook, const HookInstallOptions& o,
                  const std::string& binary, std::vector<std::string>* messages) {
  fs::path path = dir / hook;
  fs::path chained = dir / (hook + kChainedSuffix);
  std::string shim = ShimText(hook, binary);
  std::error_code ec;
  bool exists = fs::symlink_status(path, ec).type() != fs::file_type::not_found && !ec;
  if (!exists) {
    Status s = WriteExecutable(path, shim);
    if (s.ok()) messages->push_back("installed " + path.string());
    return s;
  }
  std::string old = ReadAll(path);
  if (old.find(kShimMarker) != std::string::npos) {
    Status s = WriteExecutable(path, shim);
    if (s.ok()) messages->push_back("updated " + path.string());
    return s;
  }
  if (!o.force) {
    std::string msg = path.string() + " exists and is not a cohortguard hook; not overwritten. Run 'cohortguard hook install --force' "
                      "to keep it as " + chained.filename().string() + ", run after cohortguard's check.";
    if (old.find("pre-commit.com") != std::string::npos || old.find("pre_commit") != std::string::npos)
      msg += " This repository uses the pre-commit framework: you can instead add the cohortguard hooks to "
             ".pre-commit-config.yaml (see README).";
    return Status::InvalidArgument(msg);
  }
  if (fs::symlink_status(chained, ec).type() != fs::file_type::not_found && !ec)
    return Status::InvalidArgument(chained.string() + " already exists: move it away (it would be lost), then install again");
  fs::rename(path, chained, ec);
  if (ec) return Status::IoError("cannot rename " + path.string() + " to " + chained.string() + ": " + ec.message());
  Status s = WriteExecutable(path, shim);
  if (!s.ok()) {
    fs::rename(chained, path, ec);  // put the user's hook back
    return s;
  }
  messages->push_back("installed " + path.string() + "; the previous hook is kept as " + chained.string() +
                      " and runs after cohortguard" + (access(chained.c_str(), X_OK) == 0 ? "" : " (once it is made executable)"));
  return Status::Ok();
}

}  // namespace

Expected<std::string> HooksDirectory(const std::string& repo_path) {
  EnsureLibgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, repo_path.c_str(), 0, nullptr) != 0)
    return Status::InvalidArgument("not inside a git repository: " + repo_path + " (" + GitErrorText() + ")");
  GitRepository repo(raw);
  git_config* raw_config = nullptr;
  std::string hooks_path;
  if (git_repository_config_snapshot(&raw_config, repo.get()) == 0) {
    GitConfig config(raw_config);
    const char* value = nullptr;
    if (git_config_get_string(&value, config.get(), "core.hooksPath") == 0 && value) hooks_path = value;
  }
  if (!hooks_path.empty()) {
    if (hooks_path.rfind("~/", 0) == 0) {
      const char* home = std::getenv("HOME");
      if (home) hooks_path = std::string(home) + hooks_path.substr(1);
    }
    fs::path p(hooks_path);
    if (p.is_relative()) {
      const char* base = git_repository_is_bare(repo.get()) ? git_repository_path(repo.get())
                                                              : git_repository_workdir(repo.get());
      p = fs::path(base) / p;
    }
    return p.lexically_normal().string();
  }
  git_buf buf = GIT_BUF_INIT;
  if (git_repository_item_path(&buf, repo.get(), GIT_REPOSITORY_ITEM_HOOKS) != 0)
    return Status::IoError("cannot find the hooks folder: " + GitErrorText());
  std::string dir(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  return dir;
}

Status InstallHooks(const HookInstallOptions& o, std::vector<std::string>* messages) {
  auto dir = HooksDirectory(o.repo_path);
  if (!dir.ok()) return dir.status();
  std::error_code ec;
  fs::create_directories(*dir, ec);
  if (ec) return Status::IoError("cannot create hooks folder " + *dir + ": " + ec.message());
  std::string binary = o.binary.empty() ? ThisExecutable() : o.binary;
  for (const auto& hook : o.hooks) {
    if (!IsShimHook(hook)) return Status::InvalidArgument("no such hook: " + hook);
    Status s = InstallOne(*dir, hook, o, binary, messages);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace cg
