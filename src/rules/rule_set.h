// RuleSet: every loaded rule pack, compiled and validated, ready for detectors.
//
// Built once by rules/rule_loader, then shared read-only by all worker threads (RE2 objects are
// thread-safe for matching).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/finding.h"
#include "rules/secret_rule.h"

namespace cg {

// A set of column-name patterns, matched against normalised (trimmed, lower-cased) names.
// The loader parses the set when a pack loads (a bad pattern is a load error; the built-in packs
// are loaded so at build time, rules/rule_set_codec.h, and come with their sources only); it is
// compiled the first time a name is matched: most runs (a pre-commit of source files) never
// look at a table, and compiling every pack's sets cost a tenth of the hook's start. The
// built-in sets are matched through a prefilter made at build time instead, compiling only the
// patterns it proposes (rules/column_patterns.cc).
struct ColumnPatterns {
  std::vector<std::string> sources;
  std::unique_ptr<RE2::Set> set;  // anchored by the pattern author; null: the built-in packs'
  // True when `normalised_name` matches any pattern.
  bool Matches(const std::string& normalised_name) const;

 private:
  struct Compiled;
  std::shared_ptr<Compiled> compiled_ = MakeCompiled();
  static std::shared_ptr<Compiled> MakeCompiled();
  const Compiled& Compile() const;
};

// Where a `values` check looks.
enum class ValueScope {
  kIdColumn,   // the table's id column (found by a `role: id` column, else column 1 when headerless)
  kAnyColumn,  // any one column passes
  kColumns,    // columns whose names match `in` patterns
};

// One weighed piece of evidence a table rule (or a negative rule) looks for.
struct EvidenceRule {
  std::string id;            // unique within its table rule, e.g. "eid-column"
  // "columns" | "values" | "path" | "shape" | "format" | "rows"
  std::string kind;
  ColumnPatterns columns;    // kind == columns
  int min_matches = 1;       // kind == columns: how many distinct columns must match
  double min_share = 0;      // kind == columns: the matching columns' least share of all columns
  bool id_role = false;      // kind == columns: the matched column is the participant-id column
  std::string validator;     // kind == values: a cell validator name (detect/validators)
  double min_fraction = 0.8; // kind == values: share of sampled values that must pass
  ValueScope scope = ValueScope::kIdColumn;  // kind == values
  ColumnPatterns scope_columns;              // kind == values, scope kColumns
  bool unique = true;        // kind == values: the values must also be distinct
  int min_distinct = 1;      // kind == values: how many different passing values the column must hold
  std::unique_ptr<RE2> path; // kind == path: matched against "path" or "path!member"
  std::string shape;         // kind == shape: a table shape name (detect/table_shapes)
  std::unique_ptr<RE2> format;  // kind == format: matched against TableView::format
  int64_t min_rows = 0;      // kind == rows: at least this many data rows
  int headerless = -1;       // -1 any table; 1 only headerless tables; 0 only tables with a header
  int64_t max_rows = -1;     // >= 0: counts only for tables of at most this many rows (examples)
  double weight = 0;         // in (0,1]
  // Column and value matches are content evidence; a rule needs some before the rest counts.
  bool IsContent() const { return kind != "path" && kind != "rows"; }
};

// A kind of participant-level table (UK Biobank main dataset, OMOP person, ...).
struct TableRule {
  std::string id;            // "<pack>.<name>", the finding's rule id
  std::string title;         // for messages
  std::string category = "participant-data";
  Severity max_severity = Severity::kHigh;
  int min_columns = 1;       // tables with fewer columns are not this kind
  std::vector<EvidenceRule> evidence;
  // Evidence that only counts once this rule matched something else (sensitive attributes).
  bool use_attributes = true;
};

// Sensitive attribute columns (sex, birth date, postcode, ...): additive, weak. With a
// `validator`, a column whose sampled values pass (by name, or any column of a headerless
// table) weighs `value_weight` instead.
struct AttributeRule {
  std::string id;
  ColumnPatterns columns;
  double weight = 0;
  std::string validator;
  double value_weight = 0;
};

// Negative evidence (GWAS summary statistics, dictionaries, count tables): any evidence kind;
// when it fires, the confidence is multiplied by (1 - weight).
struct NegativeRule {
  std::string id;
  std::string title;
  EvidenceRule match;
  double weight = 0;  // in (0,1]: the share of confidence it removes
};

// Small-cell aggregates (statistical disclosure control): a count table with a count in
// [1, threshold) (or 0 when `zeros` is set) is a low-severity `small-cells` finding.
struct SmallCellsPolicy {
  bool enabled = false;
  std::string rule = "aggregates.small-cells";
  int64_t threshold = 10;
  bool zeros = false;
  ColumnPatterns columns;              // count columns, by name
  std::vector<std::string> not_with;   // negative rule ids that rule a table out (GWAS, dictionaries)
};

struct ScoringPolicy {
  double report_threshold = 0.35;  // below: not a finding (shown by --explain only)
  double medium_threshold = 0.6;
  double high_threshold = 0.8;
  int64_t example_max_rows = 5;    // at most this many rows: a toy example, low at most
  int64_t few_max_rows = 20;       // at most this many rows: medium at most
  int sample_rows = 200;           // rows the sniffer keeps for value checks
};

// Step 1 of the participant decision, "is one row one person?", as a logistic model over the
// table features of rules/person_features.h: p = 1 / (1 + exp(-(intercept + sum w_f * x_f))).
// The coefficients are fitted by scripts/fit-detector from labelled corpora and live in the
// rules (rules/person_model.yaml), so they can be refitted and inspected; the signal patterns
// say which column names count as aggregate, facility or vocabulary columns.
struct PersonModel {
  bool enabled = false;
  std::string rule;                    // the table rule a shape-only finding is reported as
  double intercept = 0;
  std::vector<double> coefficients;    // indexed like kPersonFeatures; 0 when not given
  ColumnPatterns id_columns;           // names of a subject key, any language
  ColumnPatterns subject_columns;      // names that say the key is a person's (not a reading's or a row's)
  ColumnPatterns aggregate_columns;    // n, count, percent, mean, sd, ...
  ColumnPatterns facility_columns;     // beds, ownership, speciality, npi, ...
  ColumnPatterns vocabulary_columns;   // concept_name, vocabulary_id, concept_class_id, ...
  std::string fitted;                  // how the coefficients were fitted (for rules list / --explain)
};

struct RulePackInfo {
  std::string name;
  std::string file;
  std::string description;
};

// Every field is written by rules/rule_set_codec.cc: a field added to these structs goes there too.
struct RuleSet {
  std::vector<RulePackInfo> packs;
  std::vector<TableRule> tables;
  std::vector<AttributeRule> attributes;
  std::vector<NegativeRule> negatives;
  std::vector<SecretRule> secrets;  // rules/secret_rule.h
  SmallCellsPolicy small_cells;
  ScoringPolicy scoring;
  PersonModel person;

  // Whether any rule judges a table (table rules, the person model, small cells). A rule set
  // without one (a secrets-only scan) has no use for a table, so documents are not sniffed.
  bool JudgesTables() const { return !tables.empty() || person.enabled || small_cells.enabled; }
};

// Lower-cases and trims a column name; strips a surrounding pair of quotes.
std::string NormaliseColumnName(const std::string& name);

}  // namespace cg
