#include "detect/participant_detector.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "detect/evidence_matcher.h"
#include "detect/person_features.h"

namespace cg {
namespace {

constexpr size_t kMaxReportedColumns = 100;

std::string WithThousands(int64_t n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Fixed(double w) {
  std::ostringstream ss;
  ss.precision(2);
  ss << std::fixed << w;
  return ss.str();
}

struct RuleScore {
  const TableRule* rule = nullptr;
  double confidence = 0;
  bool content_evidence = false;  // a column, value, shape or format match
  int id_column = -1;
  std::vector<Evidence> evidence;
};

// Sensitive attribute columns: by name (the value-checked weight when the values agree), and
// for a headerless table by values alone, each column claimed by one attribute at most.
void AddAttributes(const RuleSet& rules, const TableContext& ctx, RuleScore& rs, double& keep) {
  std::set<int> claimed;
  if (rs.id_column >= 0) claimed.insert(rs.id_column);
  else if (!ctx.table.has_header) claimed.insert(0);
  for (const AttributeRule& a : rules.attributes) {
    const Validator* v = a.validator.empty() ? nullptr : FindValidator(a.validator);
    std::vector<int> hits = MatchingColumns(a.columns, ctx);
    double weight = a.weight;
    std::string what;
    if (!hits.empty()) {
      what = "sensitive column(s): " + NameColumns(ctx, hits);
      for (int col : hits) {
        ValueStats s = v ? ctx.Check(col, v->fn) : ValueStats{};
        if (v && s.sampled >= 2 && s.share() >= 0.8) {
          weight = std::max(weight, a.value_weight);
          what += " (" + ctx.ColumnLabel(col) + " holds " + v->name + " values)";
          break;
        }
      }
    } else if (v && !ctx.table.has_header) {
      for (int col = 1; col < static_cast<int>(ctx.table.column_count()); ++col) {
        if (claimed.count(col)) continue;
        const ValueStats& s = ctx.Check(col, v->fn);
        if (s.sampled < 2 || s.share() < 0.8) continue;
        claimed.insert(col);
        weight = a.value_weight;
        what = std::string(v->name) + " values in " + ctx.ColumnLabel(col);
        hits.push_back(col);
        break;
      }
    }
    if (hits.empty()) continue;
    keep *= 1 - weight;
    rs.evidence.push_back({"attribute/" + a.id, what, weight});
  }
}

RuleScore ScoreRule(const RuleSet& rules, const TableRule& rule, const TableContext& ctx) {
  RuleScore rs;
  rs.rule = &rule;
  double keep = 1.0;  // product of (1 - w) over evidence that fired
  auto fire = [&](const EvidenceRule& e, const EvidenceMatch& m) {
    keep *= 1 - e.weight;
    rs.content_evidence |= e.IsContent();
    if (m.column >= 0 && rs.id_column < 0) rs.id_column = m.column;
    rs.evidence.push_back({rule.id + "/" + e.id, m.what, e.weight});
  };
  // Column evidence first: it decides which column holds the ids.
  for (const EvidenceRule& e : rule.evidence)
    if (e.kind == "columns")
      if (auto m = MatchEvidence(e, ctx, -1)) fire(e, *m);
  const int id_column = rs.id_column;
  for (const EvidenceRule& e : rule.evidence)
    if (e.kind != "columns")
      if (auto m = MatchEvidence(e, ctx, id_column)) fire(e, *m);
  if (!rs.content_evidence) return rs;  // a file name or a row count never decides alone
  if (rule.use_attributes) AddAttributes(rules, ctx, rs, keep);
  rs.confidence = 1 - keep;
  return rs;
}

}  // namespace

std::optional<Severity> SeverityFor(double confidence, int64_t rows, Severity ceiling, const ScoringPolicy& p) {
  if (confidence < p.report_threshold) return std::nullopt;
  Severity s = confidence >= p.high_threshold ? Severity::kHigh
               : confidence >= p.medium_threshold ? Severity::kMedium
                                                  : Severity::kLow;
  if (rows == kUnknownRowCount) return std::min(s, ceiling);  // not counted here: not an example either
  if (rows <= p.example_max_rows) s = std::min(s, Severity::kLow);
  else if (rows <= p.few_max_rows) s = std::min(s, Severity::kMedium);
  return std::min(s, ceiling);
}

std::string DescribeDecision(double confidence, int64_t rows, Severity ceiling, const ScoringPolicy& p) {
  std::optional<Severity> sev = SeverityFor(confidence, rows, ceiling, p);
  if (!sev) return "confidence " + Fixed(confidence) + " is below the report threshold " + Fixed(p.report_threshold);
  Severity by_score = confidence >= p.high_threshold ? Severity::kHigh
                      : confidence >= p.medium_threshold ? Severity::kMedium
                                                         : Severity::kLow;
  std::string out = "confidence " + Fixed(confidence) + " reaches " + SeverityName(by_score) + " (low " +
                    Fixed(p.report_threshold) + ", medium " + Fixed(p.medium_threshold) + ", high " +
                    Fixed(p.high_threshold) + ")";
  if (rows == kUnknownRowCount)
    out += "; the file does not count its rows, so their number does not lower the severity";
  else if (rows <= p.example_max_rows)
    out += "; " + std::to_string(rows) + " rows is an example (at most " + std::to_string(p.example_max_rows) +
           " rows): low at most";
  else if (rows <= p.few_max_rows)
    out += "; only " + std::to_string(rows) + " rows (at most " + std::to_string(p.few_max_rows) + "): medium at most";
  if (*sev < std::min(by_score, rows == kUnknownRowCount   ? Severity::kHigh
                                 : rows <= p.example_max_rows ? Severity::kLow
                                 : rows <= p.few_max_rows  ? Severity::kMedium
                                                           : Severity::kHigh))
    out += std::string("; capped at the rule's max_severity ") + SeverityName(ceiling);
  return out;
}

namespace {

std::string Percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; }

// Step 2 in words.
std::string DescribeReidentification(const Reidentification& r) {
  if (r.quasi_identifiers.empty()) return "no quasi-identifiers";
  std::string qi;
  for (size_t i = 0; i < r.quasi_identifiers.size() && i < 6; ++i) qi += (i ? ", " : "") + r.quasi_identifiers[i];
  if (r.quasi_identifiers.size() > 6) qi += ", ...";
  return std::to_string(r.quasi_identifiers.size()) + " quasi-identifier(s) (" + qi + "), " +
         Percent(r.unique_share) + " of " + std::to_string(r.sampled_rows) + " sampled rows unique on them";
}

// Re-identification raises a blocking finding to high: a table of more than a few rows whose
// sampled rows are mostly unique on two or more quasi-identifiers identifies its people.
bool RaisesSeverity(const Reidentification& r, int64_t rows, const ScoringPolicy& p) {
  return r.quasi_identifiers.size() >= 2 && r.unique_share >= 0.5 && rows > p.few_max_rows;
}

const TableRule* FindRule(const RuleSet& rules, const std::string& id) {
  for (const TableRule& t : rules.tables)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace

TableVerdict ParticipantDetector::Inspect(const TableView& t, const Origin& origin) const {
  const TableContext ctx(t, origin.member.empty() ? origin.path : origin.path + "!" + origin.member);

  RuleScore best;
  for (const TableRule& rule : rules_.tables) {
    if (static_cast<int>(t.column_count()) < rule.min_columns) continue;
    RuleScore rs = ScoreRule(rules_, rule, ctx);
    if (rs.content_evidence && rs.confidence > best.confidence) best = std::move(rs);
  }

  TableVerdict v;
  Explanation& ex = v.explanation;
  // Step 1: is one row one person? The named rules' confidence is one input of the person
  // model; the shape decides when the names are silent, and never lowers what they found.
  const double named = best.confidence;
  const PersonFeatures pf = ExtractPersonFeatures(rules_, ctx, named, best.id_column);
  const PersonScore ps = ScorePerson(rules_.person, pf);
  double confidence = named;
  std::string step1 = "names " + Fixed(named);
  if (rules_.person.enabled) {
    step1 += ", shape " + Fixed(ps.probability);
    for (size_t i = 0; i < ps.features.size(); ++i) {
      const FeatureValue& fv = ps.features[i];
      if (fv.value == 0 || fv.contribution == 0 || i == 0) continue;
      best.evidence.push_back({std::string("person/") + fv.name,
                               std::string(kPersonFeatures[i].summary) + (pf.why[i].empty() ? "" : ": " + pf.why[i]),
                               std::round(fv.contribution * 100) / 100});
    }
    if (ps.probability > named) {
      confidence = ps.probability;
      // The shape decided: a weak named match does not name the table.
      if (!best.rule || named < rules_.scoring.medium_threshold) {
        best.rule = FindRule(rules_, rules_.person.rule);
        if (best.id_column < 0) best.id_column = pf.key_column;
      }
    }
    ex.features = ps.features;
  }
  // Negative evidence applies to whichever rule won (and is shown even when none did).
  for (const NegativeRule& n : rules_.negatives) {
    auto m = MatchEvidence(n.match, ctx, best.id_column);
    if (!m) continue;
    confidence *= 1 - n.weight;
    best.evidence.push_back({n.id, n.title + ": " + m->what, -n.weight});
    v.negatives.push_back(n.id);
  }
  // Step 2: how much does the table say about each person?
  Reidentification reid = EstimateReidentification(ctx, pf);

  ex.origin = origin;
  ex.score = confidence;
  if (t.row_count != kUnknownRowCount) ex.rows = t.row_count;
  if (t.has_header) ex.columns = ctx.ReportColumns();
  ex.evidence = best.evidence;
  ex.reidentification = reid;
  const Severity ceiling = best.rule ? best.rule->max_severity : Severity::kInfo;
  std::optional<Severity> sev = SeverityFor(confidence, t.row_count, ceiling, rules_.scoring);
  std::string why = "step 1 (one row, one person?): " + step1 + " -> " + DescribeDecision(confidence, t.row_count, ceiling, rules_.scoring) +
                    "; step 2 (re-identification): " + DescribeReidentification(reid);
  if (sev && *sev == Severity::kMedium && ceiling >= Severity::kHigh && RaisesSeverity(reid, t.row_count, rules_.scoring)) {
    sev = Severity::kHigh;
    why += ": raised to high";
  }
  if (!best.rule || !sev) {
    ex.decision = "not flagged" + std::string(best.rule ? " (best match " + best.rule->id + ")" : "") + ": " + why;
    return v;
  }
  ex.decision = std::string("flagged ") + SeverityName(*sev) + " as " + best.rule->id + ": " + why;

  Finding f;
  f.rule = best.rule->id;
  f.category = best.rule->category;
  f.severity = *sev;
  f.confidence = std::round(confidence * 100) / 100;
  f.origin = origin;
  if (t.row_count != kUnknownRowCount) f.rows = t.row_count;
  f.rows_estimated = t.row_count_estimated;
  if (t.has_header) {
    std::vector<std::string> names = ctx.ReportColumns();
    f.columns.assign(names.begin(), names.begin() + std::min(names.size(), kMaxReportedColumns));
    if (best.id_column >= 0 && best.id_column < static_cast<int>(t.header.size())) f.id_column = ctx.ReportName(best.id_column);
  }
  f.evidence = best.evidence;
  if (f.category == "participant-data" && !reid.quasi_identifiers.empty()) f.reidentification = reid;
  f.message = best.rule->title + ": " +
              (t.row_count == kUnknownRowCount ? std::string("rows not counted in this file")
                                               : (t.row_count_estimated ? "about " : "") + WithThousands(t.row_count) + " rows");
  if (t.column_count() > 0) f.message += ", " + WithThousands(static_cast<int64_t>(t.column_count())) + " columns";
  if (!f.id_column.empty()) f.message += ", id column '" + f.id_column + "'";
  v.finding = std::move(f);
  return v;
}

}  // namespace cg
