// Runs the examples that secret rules carry (rules/secret_rule.h) through the real detector:
// each `match` example must produce a finding of its rule, each `no_match` example none.
// Used by `cohortguard rules test` and by the test suite.
#pragma once

#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace cg {

struct ExampleFailure {
  std::string rule;
  std::string where;      // "file:line" of the example
  bool should_match = true;
};

struct ExampleReport {
  size_t rules = 0;
  size_t examples = 0;
  std::vector<ExampleFailure> failures;
};

// All the rules of `rules.secrets` are active at once, as in a scan, so an example also shows
// that no other rule takes its match away.
ExampleReport RunSecretExamples(const RuleSet& rules);

}  // namespace cg
