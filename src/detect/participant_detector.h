// ParticipantDetector: decides whether a TableView holds participant-level data.
//
// Weighs the evidence the rule packs describe (id columns, cohort field columns, id values,
// file names, sensitive attributes, negative evidence such as GWAS summary statistics) into a
// confidence in [0,1], then a severity capped by row-count bands. Never touches git or the file
// system; never copies a cell value into its output. Thread-safe (const, RuleSet is read-only).
#pragma once

#include <optional>

#include "core/finding.h"
#include "core/table_view.h"
#include "rules/rule_set.h"

namespace cg {

struct TableVerdict {
  std::optional<Finding> finding;  // set when confidence reaches the report threshold
  Explanation explanation;         // always filled: what --explain prints
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

}  // namespace cg
