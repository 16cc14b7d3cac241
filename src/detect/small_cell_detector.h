// SmallCellDetector: statistical disclosure control on aggregate tables.
//
// A frequency or count table (count columns named by the aggregates pack) whose sampled counts
// include one in [1, threshold) — 0 too when the pack says zeros are disclosive — is a
// `small-cells` finding at low severity: a category of its own, never participant data. Tables
// already flagged as participant data, and tables a `not_with` negative rule recognised (GWAS
// sample sizes, dictionary participant counts), are left alone. Thread-safe (const).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/table_view.h"
#include "rules/rule_set.h"

namespace cg {

class SmallCellDetector {
 public:
  explicit SmallCellDetector(const RuleSet& rules) : policy_(rules.small_cells) {}
  // `negatives` are the negative rules that fired on the table; `participant_flagged` whether the
  // participant detector reported it. Appends what it weighed to `explanation`.
  std::optional<Finding> Inspect(const TableView& table, const Origin& origin, const std::vector<std::string>& negatives,
                                 bool participant_flagged, Explanation* explanation) const;

 private:
  const SmallCellsPolicy& policy_;
};

}  // namespace cg
