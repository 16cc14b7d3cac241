// Loads a rule pack's `secrets` section (see rules/secret_rule.h and README "Secrets").
//
// Errors name the file, the line and the rule, like the rest of the loader:
// "rules/secrets.yaml:40: rule 'secrets.aws-access-key-id': pattern does not compile: ...".
// yaml-cpp exceptions are not caught here: the caller (LoadRulePack) turns them into a Status.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "core/status.h"
#include "rules/rule_set.h"

namespace cg {

// Appends the rules of `section` (the value of the `secrets` key) to `into->secrets`.
// `built_in`: the patterns are compiled when first used, not checked here (see SecretPattern).
Status LoadSecretRules(const std::string& file, const std::string& pack, const YAML::Node& section, bool built_in,
                       RuleSet* into);

}  // namespace cg
