// The key that secret fingerprints are made with (detect/secret_value.h SecretFingerprint), so
// that a report's readers cannot test a guessed secret against a fingerprint offline.
//
//   fingerprint_key: FILE (configuration) or COHORTGUARD_FINGERPRINT_KEY_FILE: that file, shared
//     by the machines that share a baseline (CI gets it as a secret); 16 bytes or more.
//   neither: the user's own key, $XDG_CONFIG_HOME/cohortguard/fingerprint.key (else
//     ~/.config/...), created with 32 random bytes (mode 0600) on first use. Baselines are then
//     stable on this account; another machine sees their secret findings as new (fails closed)
//     until it is given the same key.
//   no home folder at all, or one where the key cannot be created (read-only; a container run as
//     a uid that has no home): "" (the secret's value is left out of its fingerprint).
#pragma once

#include <string>

#include "core/status.h"
#include "policy/config.h"

namespace cg {

Expected<std::string> LoadFingerprintKey(const PolicyOptions& policy);

// Where the user's own key lives ("" without a home folder).
std::string UserFingerprintKeyPath();

}  // namespace cg
