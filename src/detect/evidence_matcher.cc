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

bool IsValueLikeName(const std::string& name) {
  if (name.find("cohortguard:allow") != std::string::npos) return true;
  std::string n = NormaliseColumnName(name);
  if (n.empty()) return false;
  if (IsDate(n) || IsUkbEid(n) || IsNhsNumber(n) || IsChiNumber(n) || IsFinnGenId(n)) return true;
  // A bare number (an id, a measurement) of three or more digits; "1", "2" or "2019" style
  // short names stay (years and small ordinals are common column names).
  size_t digits = 0;
  for (char c : n) digits += c >= '0' && c <= '9';
  if (IsNumericCell(n) && digits >= 5) return true;
  // A coded id: letters and 5+ digits with no separator a column name would have ("P000123",
  // "SUBJ-00042"), but not field names like "x21022_0_0" or "p41270".
  return IsCodedId(n) && digits >= 5 && n.find('_') == std::string::npos && !(n[0] == 'p' || n[0] == 'x' || n[0] == 'f');
}

TableContext::TableContext(const TableView& t, std::string w) : table(t), where(std::move(w)) {
  for (const auto& h : t.header) {
    names.push_back(NormaliseColumnName(h));
    value_names.push_back(IsValueLikeName(h));
  }
}

std::string TableContext::ReportName(int column) const {
  if (table.has_header && column >= 0 && static_cast<size_t>(column) < table.header.size() && !value_names[column] &&
      !table.header[column].empty())
    return table.header[column];
  return "column " + std::to_string(column + 1);
}

std::vector<std::string> TableContext::ReportColumns() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < table.header.size(); ++i) out.push_back(ReportName(static_cast<int>(i)));
  return out;
}

std::string TableContext::ColumnLabel(int column) const {
  std::string name = ReportName(column);
  return name.starts_with("column ") && (column >= static_cast<int>(table.header.size()) || table.header[column] != name)
             ? name
             : "'" + name + "'";
}

ValueStats CheckColumn(const TableView& t, int col, ValidatorFn fn) {
  ValueStats s;
  std::set<std::string> seen, passed;
  for (const auto& row : t.rows) {
    if (col < 0 || static_cast<size_t>(col) >= row.size() || IsMissingCell(row[col])) continue;
    ++s.sampled;
    if (fn(row[col])) {
      ++s.passed;
      passed.insert(row[col]);
    }
    if (s.unique && !seen.insert(row[col]).second) s.unique = false;
  }
  s.distinct_passed = passed.size();
  return s;
}

const ValueStats& TableContext::Check(int column, ValidatorFn fn) const {
  auto [it, fresh] = checked_.try_emplace({column, fn});
  if (fresh) it->second = CheckColumn(table, column, fn);
  return it->second;
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
  if (e.max_rows >= 0 && (tv.row_count > e.max_rows || tv.row_count == kUnknownRowCount)) return std::nullopt;
  if (e.headerless == 1 && tv.has_header) return std::nullopt;
  if (e.headerless == 0 && !tv.has_header) return std::nullopt;
  if (e.kind == "columns") {
    std::vector<int> hits = MatchingColumns(e.columns, t);
    // Names, not columns: "BP, HR" repeated under each visit of a band is two kinds of column.
    std::set<std::string> names;
    for (int c : hits) names.insert(t.names[static_cast<size_t>(c)]);
    if (hits.empty() || static_cast<int>(names.size()) < e.min_matches) return std::nullopt;
    if (static_cast<double>(hits.size()) < e.min_share * static_cast<double>(tv.column_count())) return std::nullopt;
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
      const ValueStats& s = t.Check(col, v->fn);
      if (s.sampled < kMinSampled || s.share() < e.min_fraction || (e.unique && !s.unique) ||
          s.distinct_passed < static_cast<size_t>(e.min_distinct))
        continue;
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
