// ParticipantDetector: decides whether a TableView holds participant-level data.
//
// For every table rule of the packs it weighs the evidence that fires (id columns, cohort field
// columns, id and attribute values, table shapes, file names, row counts) into a confidence
// 1 - Π(1 - w); a rule counts only once some content evidence (a column, value, shape or format
// match) fired, so file names and row counts never decide alone. The best rule wins; negative
// evidence (GWAS summary statistics, dictionaries, count tables, ...) then multiplies the
// confidence by (1 - w) each. Severity comes from the thresholds, capped by the row-count bands
// and the rule's max_severity. Never touches git or the file system; never copies a cell value
// into its output. Thread-safe (const; RuleSet is read-only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/table_view.h"
#include "rules/rule_set.h"

namespace cg {

struct TableVerdict {
  std::optional<Finding> finding;      // set when confidence reaches the report threshold
  Explanation explanation;             // always filled: what --explain prints
  std::vector<std::string> negatives;  // ids of the negative rules that fired
};

class ParticipantDetector {
 public:
  explicit ParticipantDetector(const RuleSet& rules) : rules_(rules) {}
  TableVerdict Inspect(const TableView& table, const Origin& origin) const;

 private:
  const RuleSet& rules_;
};

// Maps a confidence and a row count to a severity under `policy` (nullopt: not a finding).
std::optional<Severity> SeverityFor(double confidence, int64_t rows, Severity ceiling, const ScoringPolicy& policy);

// Why SeverityFor decided as it did, in words, for --explain.
std::string DescribeDecision(double confidence, int64_t rows, Severity ceiling, const ScoringPolicy& policy);

}  // namespace cg
