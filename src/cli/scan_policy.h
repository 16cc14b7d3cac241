// The policy side of `cohortguard scan` and the hooks: finds and reads .cohortguard.yaml, and
// after the scan applies allowlist, inline markers and baseline.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/scan_result.h"
#include "core/status.h"
#include "policy/allowlist.h"
#include "policy/baseline.h"
#include "policy/config.h"

namespace cg {

inline constexpr const char* kConfigFileName = ".cohortguard.yaml";

// Reads the user's defaults ($XDG_CONFIG_HOME/cohortguard/config.yaml, else
// ~/.config/cohortguard/config.yaml), if any, then `config_file`, or when empty
// `.cohortguard.yaml` at the top of the git work tree that holds the current folder (else in the
// current folder), if there is one. Later files override scalars and extend lists.
Status LoadPolicyConfig(const std::string& config_file, PolicyOptions* into);

// For a server (pre-receive), where the pushed commits must not choose their own policy: the
// user's defaults, then `config_file` when not empty; no .cohortguard.yaml is looked for.
Status LoadServerPolicyConfig(const std::string& config_file, PolicyOptions* into);

// The user-defaults file LoadPolicyConfig looks for (it may not exist); "" without a home.
std::string UserConfigPath();

// The allowlist and baseline, read before the scan so that a bad file fails fast (exit 2).
struct PreparedPolicy {
  std::unique_ptr<Allowlist> allowlist;
  std::optional<Baseline> baseline;
};
Expected<PreparedPolicy> PreparePolicy(const PolicyOptions& options);

// Fingerprints every finding, then suppresses what the policy covers.
void ApplyPolicy(PreparedPolicy& policy, ScanResult* result);

}  // namespace cg
