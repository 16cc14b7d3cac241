#include "engine/sweep_configuration.h"

#include "engine/fingerprint_key.h"
#include "policy/fingerprint.h"
#include "rules/rule_loader.h"

namespace cg {

Expected<std::string> SweepConfigurationDigest(const PolicyOptions& policy, const ScanOptions& scan,
                                               const IdSetCollection& idsets) {
  std::string d = std::string("cohortguard ") + COHORTGUARD_VERSION + '\0' + std::to_string(scan.max_file_size) +
                  '\0' + idsets.Digest() + '\0' + (policy.inline_allow ? "markers" : "no-markers") + '\0';
  std::vector<RuleSource> sources;
  if (!policy.no_default_rules) sources = DefaultRuleSources();
  for (const auto& p : policy.rule_paths) {
    auto more = ReadRuleSources(p);
    if (!more.ok()) return more.status();
    sources.insert(sources.end(), more->begin(), more->end());
  }
  for (const auto& s : sources) d += s.text + '\0';
  auto key = LoadFingerprintKey(policy);
  if (!key.ok()) return key.status();
  d += "fingerprint key " + Sha256Hex(*key) + '\0';  // recorded fingerprints depend on it
  d += "disabled";
  for (const auto& r : policy.disabled_rules) d += '\0' + r;
  return Sha256Hex(d, 32);
}

}  // namespace cg
