#include "cli/scan_policy.h"

#include <cstdlib>
#include <filesystem>

#include "policy/fingerprint.h"
#include "policy/suppression.h"
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

Status LoadUserDefaults(PolicyOptions* into) {
  std::error_code ec;
  const std::string user = UserConfigPath();
  if (!user.empty() && std::filesystem::exists(user, ec)) return LoadConfigFile(user, into);
  return Status::Ok();
}

}  // namespace

Status LoadServerPolicyConfig(const std::string& config_file, PolicyOptions* into) {
  if (auto st = LoadUserDefaults(into); !st.ok()) return st;
  return config_file.empty() ? Status::Ok() : LoadConfigFile(config_file, into);
}

Status LoadPolicyConfig(const std::string& config_file, PolicyOptions* into) {
  if (auto st = LoadUserDefaults(into); !st.ok()) return st;
  if (!config_file.empty()) return LoadConfigFile(config_file, into);
  std::error_code ec;
  std::string top = FindWorkTreeTop(".").value_or(".");
  std::string candidate = (std::filesystem::path(top) / kConfigFileName).string();
  if (top == "." || top == std::filesystem::current_path(ec).string()) candidate = kConfigFileName;
  if (!std::filesystem::exists(candidate, ec)) {
    into->root = top;
    return Status::Ok();
  }
  return LoadConfigFile(candidate, into);
}

Expected<PreparedPolicy> PreparePolicy(const PolicyOptions& options) {
  PreparedPolicy p;
  if (!options.allowlist.empty())
    p.allowlist = std::make_unique<Allowlist>(options.allowlist, options.root.empty() ? "." : options.root, TodayIso());
  if (!options.baseline.empty()) {
    auto b = Baseline::Load(options.baseline);
    if (!b.ok()) return b.status();
    p.baseline = std::move(*b);
  }
  return p;
}

void ApplyPolicy(PreparedPolicy& policy, ScanResult* result) {
  AssignFingerprints(&result->findings);
  ApplySuppression(result, policy.allowlist.get(), policy.baseline ? &*policy.baseline : nullptr);
}

}  // namespace cg
