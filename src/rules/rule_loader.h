// Loads YAML rule packs into a RuleSet, validating as it goes.
//
// Every error names the file, the line and the rule: "rules/x.yaml:12: rule 'x.y': evidence
// 'z': pattern does not compile: missing )". yaml-cpp exceptions are caught here.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "rules/rule_set.h"

namespace cg {

struct RuleSource {
  std::string file;  // shown in messages
  std::string text;
  bool built_in = false;  // one of DefaultRuleSources: compiled into the binary, tested at build time
};

// Adds one pack's rules to `into`. On error `into` may hold part of the pack.
Status LoadRulePack(const RuleSource& source, RuleSet* into);

// The packs compiled into the binary.
std::vector<RuleSource> DefaultRuleSources();

// Reads a rule file, or every *.yaml / *.yml in a folder (sorted by name).
Expected<std::vector<RuleSource>> ReadRuleSources(const std::string& path);

// Defaults (unless `no_defaults`) followed by each extra path, in order.
Expected<RuleSet> LoadRules(bool no_defaults, const std::vector<std::string>& extra_paths);

}  // namespace cg
