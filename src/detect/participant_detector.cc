#include "detect/participant_detector.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "detect/validators.h"

namespace cg {
namespace {

constexpr size_t kMaxReportedColumns = 100;
constexpr size_t kMaxNamedInEvidence = 5;

std::string WithThousands(int64_t n) {
  std::string s = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return n < 0 ? "-" + s : s;
}

std::string NameSome(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < kMaxNamedInEvidence; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kMaxNamedInEvidence) out += ", ...";
  return out;
}

std::string Weight(double w) {
  std::ostringstream ss;
  ss.precision(2);
  ss << std::fixed << w;
  return ss.str();
}

struct RuleScore {
  const TableRule* rule = nullptr;
  double confidence = 0;
  bool content_evidence = false;  // a column or value match, not just a file name
  int id_column = -1;
  std::vector<Evidence> evidence;
};

// Share of sampled, present values in `col` that pass `fn`, and whether they are unique.
void CheckValues(const TableView& t, int col, ValidatorFn fn, double* pass_share, bool* unique, size_t* sampled) {
  std::set<std::string> seen;
  size_t present = 0, pass = 0;
  bool dup = false;
  for (const auto& row : t.rows) {
    if (col >= static_cast<int>(row.size()) || row[col].empty()) continue;
    ++present;
    if (fn(row[col])) ++pass;
    if (!seen.insert(row[col]).second) dup = true;
  }
  *sampled = present;
  *pass_share = present ? static_cast<double>(pass) / present : 0;
  *unique = !dup;
}

}  // namespace

std::optional<Severity> SeverityFor(double confidence, int64_t rows, Severity ceiling, const ScoringPolicy& p) {
  if (confidence < p.report_threshold) return std::nullopt;
  Severity s = confidence >= p.high_threshold ? Severity::kHigh
               : confidence >= p.medium_threshold ? Severity::kMedium
                                                  : Severity::kLow;
  if (rows <= p.example_max_rows) s = std::min(s, Severity::kLow);
  else if (rows <= p.few_max_rows) s = std::min(s, Severity::kMedium);
  return std::min(s, ceiling);
}

TableVerdict ParticipantDetector::Inspect(const TableView& t, const Origin& origin) const {
  std::vector<std::string> names;
  for (const auto& h : t.header) names.push_back(NormaliseColumnName(h));
  const std::string where = origin.member.empty() ? origin.path : origin.path + "!" + origin.member;

  RuleScore best;
  for (const TableRule& rule : rules_.tables) {
    RuleScore rs;
    rs.rule = &rule;
    double keep = 1.0;  // product of (1 - w) over evidence that fired
    // Column evidence first: it decides which column holds the ids.
    for (const EvidenceRule& e : rule.evidence) {
      if (e.kind != "columns") continue;
      std::vector<std::string> hits;
      int first_hit = -1;
      for (size_t i = 0; i < names.size(); ++i)
        if (e.columns.Matches(names[i])) {
          if (first_hit < 0) first_hit = static_cast<int>(i);
          hits.push_back(t.header[i]);
        }
      if (static_cast<int>(hits.size()) < e.min_matches) continue;
      keep *= 1 - e.weight;
      rs.content_evidence = true;
      if (e.id_role && rs.id_column < 0) rs.id_column = first_hit;
      rs.evidence.push_back({rule.id + "/" + e.id,
                             std::to_string(hits.size()) + " column(s) match: " + NameSome(hits), e.weight});
    }
    int id_col = rs.id_column;
    if (id_col < 0 && !t.has_header) id_col = 0;  // headerless: ids come first
    for (const EvidenceRule& e : rule.evidence) {
      if (e.kind == "values" && id_col >= 0) {
        const Validator* v = FindValidator(e.validator);
        double share;
        bool unique;
        size_t sampled;
        CheckValues(t, id_col, v->fn, &share, &unique, &sampled);
        if (sampled >= 2 && share >= e.min_fraction && unique) {
          keep *= 1 - e.weight;
          rs.content_evidence = true;
          if (rs.id_column < 0) rs.id_column = id_col;
          rs.evidence.push_back({rule.id + "/" + e.id,
                                 "unique " + std::string(v->name) + " values in column " +
                                     std::to_string(id_col + 1) + " (" + std::to_string(static_cast<int>(share * 100)) +
                                     "% of " + std::to_string(sampled) + " sampled)",
                                 e.weight});
        }
      } else if (e.kind == "path" && RE2::PartialMatch(where, *e.path)) {
        keep *= 1 - e.weight;
        rs.evidence.push_back({rule.id + "/" + e.id, "file name matches " + e.path->pattern(), e.weight});
      }
    }
    if (!rs.content_evidence) continue;  // a file name never decides alone
    if (rule.use_attributes) {
      for (const AttributeRule& a : rules_.attributes) {
        std::vector<std::string> hits;
        for (size_t i = 0; i < names.size(); ++i)
          if (a.columns.Matches(names[i])) hits.push_back(t.header[i]);
        if (hits.empty()) continue;
        keep *= 1 - a.weight;
        rs.evidence.push_back({"attribute/" + a.id, "sensitive column(s): " + NameSome(hits), a.weight});
      }
    }
    rs.confidence = 1 - keep;
    if (rs.confidence > best.confidence) best = std::move(rs);
  }

  // Negative evidence applies to whichever rule won.
  double confidence = best.confidence;
  for (const NegativeRule& n : rules_.negatives) {
    std::vector<std::string> hits;
    for (size_t i = 0; i < names.size(); ++i)
      if (n.columns.Matches(names[i])) hits.push_back(t.header[i]);
    if (static_cast<int>(hits.size()) < n.min_matches) continue;
    confidence *= 1 - n.weight;
    best.evidence.push_back({n.id, n.title + ": " + NameSome(hits), -n.weight});
  }

  TableVerdict v;
  Explanation& ex = v.explanation;
  ex.origin = origin;
  ex.score = confidence;
  ex.rows = t.row_count;
  if (t.has_header) ex.columns = t.header;
  ex.evidence = best.evidence;
  const Severity ceiling = best.rule ? best.rule->max_severity : Severity::kInfo;
  std::optional<Severity> sev = SeverityFor(confidence, t.row_count, ceiling, rules_.scoring);
  if (!best.rule || !sev) {
    ex.decision = "not flagged (score " + Weight(confidence) + " < " + Weight(rules_.scoring.report_threshold) + ")";
    return v;
  }
  ex.decision = std::string("flagged ") + SeverityName(*sev) + " as " + best.rule->id;

  Finding f;
  f.rule = best.rule->id;
  f.category = best.rule->category;
  f.severity = *sev;
  f.confidence = std::round(confidence * 100) / 100;
  f.origin = origin;
  f.rows = t.row_count;
  f.rows_estimated = t.row_count_estimated;
  if (t.has_header) {
    f.columns.assign(t.header.begin(), t.header.begin() + std::min(t.header.size(), kMaxReportedColumns));
    if (best.id_column >= 0 && best.id_column < static_cast<int>(t.header.size())) f.id_column = t.header[best.id_column];
  }
  f.evidence = best.evidence;
  f.message = best.rule->title + ": " + (t.row_count_estimated ? "about " : "") + WithThousands(t.row_count) +
              " rows, " + WithThousands(static_cast<int64_t>(t.column_count())) + " columns";
  if (!f.id_column.empty()) f.message += ", id column '" + f.id_column + "'";
  v.finding = std::move(f);
  return v;
}

}  // namespace cg
