#include "detect/small_cell_detector.h"

#include <algorithm>

#include "detect/evidence_matcher.h"
#include "rules/validators.h"

namespace cg {

std::optional<Finding> SmallCellDetector::Inspect(const TableView& t, const Origin& origin,
                                                  const std::vector<std::string>& negatives, bool participant_flagged,
                                                  Explanation* ex) const {
  if (!policy_.enabled || participant_flagged || !t.has_header) return std::nullopt;
  for (const auto& n : negatives)
    if (std::find(policy_.not_with.begin(), policy_.not_with.end(), n) != policy_.not_with.end()) return std::nullopt;
  const TableContext ctx(t, origin.path);
  std::vector<int> count_columns;
  for (int col : MatchingColumns(policy_.columns, ctx)) {
    ValueStats s = CheckColumn(t, col, IsCount);
    if (s.sampled >= 1 && s.share() >= 0.8) count_columns.push_back(col);
  }
  if (count_columns.empty()) return std::nullopt;
  size_t cells = 0, small = 0;
  std::vector<int> small_columns;
  for (int col : count_columns) {
    size_t before = small;
    for (const auto& row : t.rows) {
      if (static_cast<size_t>(col) >= row.size()) continue;
      int64_t v = LeadingCount(row[col]);
      if (v < 0) continue;
      ++cells;
      if (v < policy_.threshold && (v > 0 || policy_.zeros)) ++small;
    }
    if (small > before) small_columns.push_back(col);
  }
  const std::string limit = std::to_string(policy_.threshold);
  const std::string what = std::to_string(small) + " of " + std::to_string(cells) + " sampled counts in " +
                           NameColumns(ctx, count_columns) + " are below " + limit +
                           (policy_.zeros ? " (zeros included)" : "");
  if (ex) {
    ex->evidence.push_back({policy_.rule, what, 0});
    ex->decision += small ? "; small cells: flagged low as " + policy_.rule : "; no small cells";
  }
  if (small == 0) return std::nullopt;
  Finding f;
  f.rule = policy_.rule;
  f.category = "small-cells";
  f.severity = Severity::kLow;
  f.confidence = 1.0;
  f.origin = origin;
  f.rows = t.row_count;
  f.rows_estimated = t.row_count_estimated;
  f.columns.assign(t.header.begin(), t.header.begin() + std::min<size_t>(t.header.size(), 100));
  f.message = "Count table with " + std::to_string(small) + " cell(s) below " + limit + " in " +
              NameColumns(ctx, small_columns) + ": check it against output-checking rules before sharing";
  f.evidence.push_back({policy_.rule, what, 0});
  return f;
}

}  // namespace cg
