// RuleSet: every loaded rule pack, compiled and validated, ready for detectors.
//
// Built once by rules/rule_loader, then shared read-only by all worker threads (RE2 objects are
// thread-safe for matching).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/finding.h"
#include "rules/secret_rule.h"

namespace cg {

// A set of column-name patterns, matched against normalised (trimmed, lower-cased) names.
struct ColumnPatterns {
  std::vector<std::string> sources;
  std::unique_ptr<RE2::Set> set;  // anchored by the pattern author; compiled once
  // True when `normalised_name` matches any pattern.
  bool Matches(const std::string& normalised_name) const;
};

// One weighed piece of evidence a table rule looks for.
struct EvidenceRule {
  std::string id;            // unique within its table rule, e.g. "eid-column"
  std::string kind;          // "columns" | "values" | "path"
  ColumnPatterns columns;    // kind == columns
  int min_matches = 1;       // kind == columns: how many distinct columns must match
  bool id_role = false;      // kind == columns: the matched column is the participant-id column
  std::string validator;     // kind == values: a validator name (detect/validators)
  double min_fraction = 0.8; // kind == values: share of sampled id values that must pass
  std::unique_ptr<RE2> path; // kind == path
  double weight = 0;         // in (0,1]; negative packs use (-1,0)
};

// A kind of participant-level table (UK Biobank main dataset, OMOP person, ...).
struct TableRule {
  std::string id;            // "<pack>.<name>", the finding's rule id
  std::string title;         // for messages
  std::string category = "participant-data";
  Severity max_severity = Severity::kHigh;
  std::vector<EvidenceRule> evidence;
  // Evidence that only counts once this rule matched something else (sensitive attributes).
  bool use_attributes = true;
};

// Sensitive attribute columns (sex, birth date, postcode, ...): additive, weak.
struct AttributeRule {
  std::string id;
  ColumnPatterns columns;
  double weight = 0;
};

// Negative evidence (GWAS summary statistics, dictionaries, count tables).
struct NegativeRule {
  std::string id;
  std::string title;
  ColumnPatterns columns;
  int min_matches = 1;
  double weight = 0;  // in (0,1]: the share of confidence it removes
};

struct ScoringPolicy {
  double report_threshold = 0.35;  // below: not a finding (shown by --explain only)
  double medium_threshold = 0.6;
  double high_threshold = 0.8;
  int64_t example_max_rows = 5;    // at most this many rows: a toy example, low at most
  int64_t few_max_rows = 20;       // at most this many rows: medium at most
  int sample_rows = 200;           // rows the sniffer keeps for value checks
};

struct RulePackInfo {
  std::string name;
  std::string file;
  std::string description;
};

struct RuleSet {
  std::vector<RulePackInfo> packs;
  std::vector<TableRule> tables;
  std::vector<AttributeRule> attributes;
  std::vector<NegativeRule> negatives;
  std::vector<SecretRule> secrets;  // rules/secret_rule.h
  ScoringPolicy scoring;
};

// Lower-cases and trims a column name; strips a surrounding pair of quotes.
std::string NormaliseColumnName(const std::string& name);

}  // namespace cg
