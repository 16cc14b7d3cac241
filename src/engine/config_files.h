// Which configuration files a scan reads, in order; later files override scalars and extend
// lists (policy/config reads each one). Every entry point loads its policy through here:
//
//   scan, pre-commit, pre-push, config show, remote classify (ConfigScope::kWorkTree):
//     the user's defaults, then --config FILE, or else .cohortguard.yaml at the top of the git
//     work tree that holds the current folder (else in the current folder), if there is one.
//   pre-receive and sweep (ConfigScope::kOperator): the user's defaults, then --config FILE.
//     The content being scanned belongs to someone else (a pusher, a mirrored repository), so
//     no file inside it may choose the policy, and its inline cohortguard:allow markers count
//     only when the operator's file says `inline_allow: true`.
//
// COHORTGUARD_FINGERPRINT_KEY_FILE, when set, is the fingerprint_key over every file (a CI
// secret, for instance).
//
// The user's defaults are $XDG_CONFIG_HOME/cohortguard/config.yaml, else
// ~/.config/cohortguard/config.yaml: where an organisation puts its policy for the accounts
// that run sweeps, servers and CI.
#pragma once

#include <string>

#include "core/status.h"
#include "policy/config.h"

namespace cg {

inline constexpr const char* kConfigFileName = ".cohortguard.yaml";

enum class ConfigScope { kWorkTree, kOperator };

Status LoadPolicyConfig(const std::string& config_file, PolicyOptions* into,
                        ConfigScope scope = ConfigScope::kWorkTree);

// The user-defaults file LoadPolicyConfig looks for (it may not exist); "" without a home.
std::string UserConfigPath();

}  // namespace cg
