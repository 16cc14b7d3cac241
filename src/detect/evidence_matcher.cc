#include "detect/evidence_matcher.h"

#include <set>

#include "rules/table_shapes.h"

namespace cg {
namespace {

constexpr size_t kMaxNamed = 5;
constexpr size_t kMinSampled = 2;

bool IsMissingCell(const std::string& c) {
  return c.empty() || c == "NA" || c == "NaN" || c == "." || c == "null" || c == "NULL";
}

std::string Percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; }

}  // namespace

TableContext::TableContext(const TableView& t, std::string w) : table(t), where(std::move(w)) {
  for (const auto& h : t.header) names.push_back(NormaliseColumnName(h));
}

std::string TableContext::ColumnLabel(int column) const {
  if (table.has_header && column >= 0 && static_cast<size_t>(column) < table.header.size())
    return "'" + table.header[column] + "'";
  return "column " + std::to_string(column + 1);
}

ValueStats CheckColumn(const TableView& t, int col, ValidatorFn fn) {
  ValueStats s;
  std::set<std::string> seen;
  for (const auto& row : t.rows) {
    if (col < 0 || static_cast<size_t>(col) >= row.size() || IsMissingCell(row[col])) continue;
    ++s.sampled;
    if (fn(row[col])) ++s.passed;
    if (s.unique && !seen.insert(row[col]).second) s.unique = false;
  }
  return s;
}

std::vector<int> MatchingColumns(const ColumnPatterns& patterns, const TableContext& t) {
  std::vector<int> out;
  for (size_t i = 0; i < t.names.size(); ++i)
    if (patterns.Matches(t.names[i])) out.push_back(static_cast<int>(i));
  return out;
}

std::string NameColumns(const TableContext& t, const std::vector<int>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size() && i < kMaxNamed; ++i) out += (i ? ", " : "") + t.ColumnLabel(columns[i]);
  if (columns.size() > kMaxNamed) out += ", ...";
  return out;
}

std::optional<EvidenceMatch> MatchEvidence(const EvidenceRule& e, const TableContext& t, int id_column) {
  const TableView& tv = t.table;
  if (e.headerless == 1 && tv.has_header) return std::nullopt;
  if (e.headerless == 0 && !tv.has_header) return std::nullopt;
  if (e.kind == "columns") {
    std::vector<int> hits = MatchingColumns(e.columns, t);
    if (hits.empty() || static_cast<int>(hits.size()) < e.min_matches) return std::nullopt;
    return EvidenceMatch{std::to_string(hits.size()) + " column(s) match: " + NameColumns(t, hits),
                         e.id_role ? hits.front() : -1};
  }
  if (e.kind == "values") {
    const Validator* v = FindValidator(e.validator);
    std::vector<int> columns;
    if (e.scope == ValueScope::kIdColumn) {
      if (id_column < 0 && (!tv.has_header || tv.column_count() == 1)) id_column = 0;
      if (id_column >= 0) columns.push_back(id_column);
    } else if (e.scope == ValueScope::kColumns) {
      columns = MatchingColumns(e.scope_columns, t);
    } else {
      for (size_t i = 0; i < tv.column_count(); ++i) columns.push_back(static_cast<int>(i));
    }
    for (int col : columns) {
      ValueStats s = CheckColumn(tv, col, v->fn);
      if (s.sampled < kMinSampled || s.share() < e.min_fraction || (e.unique && !s.unique)) continue;
      std::string what = std::string(e.unique ? "distinct " : "") + v->name + " values in " + t.ColumnLabel(col) +
                         " (" + Percent(s.share()) + " of " + std::to_string(s.sampled) + " sampled)";
      return EvidenceMatch{what, e.scope == ValueScope::kIdColumn ? col : -1};
    }
    return std::nullopt;
  }
  if (e.kind == "path") {
    if (!RE2::PartialMatch(t.where, *e.path)) return std::nullopt;
    return EvidenceMatch{"file name matches " + e.path->pattern(), -1};
  }
  if (e.kind == "shape") {
    const TableShape* s = FindShape(e.shape);
    if (!s->fn(tv, id_column)) return std::nullopt;
    return EvidenceMatch{std::string("shape: ") + s->summary, -1};
  }
  if (e.kind == "format") {
    if (!RE2::FullMatch(tv.format, *e.format)) return std::nullopt;
    return EvidenceMatch{"table format '" + tv.format + "'", -1};
  }
  if (e.kind == "rows") {
    if (tv.row_count < e.min_rows) return std::nullopt;
    return EvidenceMatch{std::string(tv.row_count_estimated ? "about " : "") + std::to_string(tv.row_count) +
                             " rows (at least " + std::to_string(e.min_rows) + ")",
                         -1};
  }
  return std::nullopt;
}

}  // namespace cg
