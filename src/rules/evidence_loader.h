// Reading one rule-pack entry's fields from YAML: typed getters and the evidence schema shared
// by table rules and negative rules.
//
// Every error names file, line and rule (RuleContext::Error). Internal to rules/; yaml-cpp
// exceptions thrown while reading are caught by the pack loader.
#pragma once

#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/status.h"
#include "rules/rule_set.h"

namespace cg {

// The location carried for error messages while walking one pack.
struct RuleContext {
  const std::string& file;
  std::string rule;  // current rule id, if any

  Status Error(const YAML::Node& at, const std::string& what) const;
};

Status GetString(const RuleContext& c, const YAML::Node& n, const char* key, bool required, std::string* out);
Status GetDouble(const RuleContext& c, const YAML::Node& n, const char* key, double lo, double hi, bool required,
                 double* out);
Status GetInt(const RuleContext& c, const YAML::Node& n, const char* key, int64_t lo, int64_t* out);
Status GetBool(const RuleContext& c, const YAML::Node& n, const char* key, bool* out);
// A non-empty list of RE2 patterns, anchored at both ends and case-insensitive.
Status CompilePatterns(const RuleContext& c, const YAML::Node& list, ColumnPatterns* out);
// Compiles one RE2 pattern (unanchored), for `path` and `format`.
Status CompileRegex(const RuleContext& c, const YAML::Node& n, const char* key, std::unique_ptr<RE2>* out);

// One evidence entry: `id`, `weight` and exactly one of columns | values | path | shape | format
// | min_rows, with their modifiers. When `c.rule` ends in '.', it is a pack prefix and the entry is
// a rule of its own (negative rules); errors then name "<pack>.<id>". `extra_keys` are allowed besides (e.g. "title" for negatives).
Status LoadEvidence(const RuleContext& c, const YAML::Node& n, EvidenceRule* e,
                    const std::set<std::string>& extra_keys = {});

// Checks that every key of map `n` is in `known`.
Status CheckKeys(const RuleContext& c, const YAML::Node& n, const std::set<std::string>& known);

}  // namespace cg
