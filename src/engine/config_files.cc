#include "engine/config_files.h"

#include <cstdlib>
#include <filesystem>

#include "source/work_tree_top.h"

namespace cg {

std::string UserConfigPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return (std::filesystem::path(xdg) / "cohortguard" / "config.yaml").string();
  const char* home = std::getenv("HOME");
  if (home && *home) return (std::filesystem::path(home) / ".config" / "cohortguard" / "config.yaml").string();
  return "";
}

namespace {

Status LoadFiles(const std::string& config_file, PolicyOptions* into, ConfigScope scope) {
  std::error_code ec;
  if (scope == ConfigScope::kOperator) into->inline_allow = false;
  const std::string user = UserConfigPath();
  if (!user.empty() && std::filesystem::exists(user, ec))
    if (auto st = LoadConfigFile(user, into); !st.ok()) return st;
  if (!config_file.empty()) return LoadConfigFile(config_file, into);
  if (scope == ConfigScope::kOperator) return Status::Ok();
  std::string top = FindWorkTreeTop(".").value_or(".");
  std::string candidate = (std::filesystem::path(top) / kConfigFileName).string();
  if (top == "." || top == std::filesystem::current_path(ec).string()) candidate = kConfigFileName;
  if (!std::filesystem::exists(candidate, ec)) {
    into->root = top;
    return Status::Ok();
  }
  return LoadConfigFile(candidate, into);
}

}  // namespace

Status LoadPolicyConfig(const std::string& config_file, PolicyOptions* into, ConfigScope scope) {
  Status st = LoadFiles(config_file, into, scope);
  if (const char* key = std::getenv("COHORTGUARD_FINGERPRINT_KEY_FILE"); st.ok() && key && *key) {
    into->fingerprint_key_file = key;
    into->set_at["fingerprint_key"] = "COHORTGUARD_FINGERPRINT_KEY_FILE";
  }
  return st;
}

}  // namespace cg
