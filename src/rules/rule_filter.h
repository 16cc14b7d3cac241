// Leaves rules out of a RuleSet by id (`rules.disable` in .cohortguard.yaml).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "rules/rule_set.h"

namespace cg {

// Removes the table, secret and negative rules named in `ids`. An id that names no rule is an
// error (a typo would otherwise silently keep the rule on).
Status DisableRules(const std::vector<std::string>& ids, RuleSet* rules);

}  // namespace cg
