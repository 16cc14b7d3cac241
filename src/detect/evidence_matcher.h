// EvidenceMatcher: tests one evidence entry of a rule pack against one table.
//
// Column names are matched normalised; value checks run a validator over the sampled rows of one
// column (the id column, any column, or named columns) and count when enough pass (and, for ids,
// are distinct). What a match says names columns and counts, never a cell value. Pure; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/table_view.h"
#include "rules/validators.h"
#include "rules/rule_set.h"

namespace cg {

// How the sampled values of one column fare under a validator.
struct ValueStats {
  size_t sampled = 0;  // present (non-empty, non-missing) values
  size_t passed = 0;
  bool unique = true;
  size_t distinct_passed = 0;  // different values among those that passed
  double share() const { return sampled ? static_cast<double>(passed) / static_cast<double>(sampled) : 0; }
};

// One table as the matchers see it.
struct TableContext {
  explicit TableContext(const TableView& t, std::string where);
  const TableView& table;
  std::vector<std::string> names;  // normalised header names; empty when headerless
  std::string where;               // "path" or "path!member", for path evidence
  std::vector<bool> value_names;   // per header cell: the "name" is really a value (an id, a date)
  // The column's name as reports may show it: the header name, or "column N" (1-based) when the
  // table has no header or the name is really a value (see IsValueLikeName).
  std::string ReportName(int column) const;
  // Every column's ReportName, for a finding's column list.
  std::vector<std::string> ReportColumns() const;
  // "'name'" for a reportable name, "column N" otherwise.
  std::string ColumnLabel(int column) const;
  // CheckColumn of this table, each (column, validator) computed once: rules and attributes
  // ask the same column the same question many times.
  const ValueStats& Check(int column, ValidatorFn fn) const;

 private:
  mutable std::map<std::pair<int, ValidatorFn>, ValueStats> checked_;
};

// True for a header cell that is really a value and must never reach a report: a number, a date,
// a cohort id (eid, NHS/CHI number, FinnGen id), an inline-allow marker's text. A headerless
// table read with its first row as header, or a transposed table of ids, has such names.
bool IsValueLikeName(const std::string& name);

struct EvidenceMatch {
  std::string what;  // for --explain
  int column = -1;   // the column that matched (id role or value check), else -1
};

ValueStats CheckColumn(const TableView& t, int column, ValidatorFn fn);

// `id_column` is the id column found so far by column evidence (or -1). A headerless or
// one-column table's ids are taken to be its first column.
std::optional<EvidenceMatch> MatchEvidence(const EvidenceRule& e, const TableContext& t, int id_column);

// The columns whose normalised names match `patterns`.
std::vector<int> MatchingColumns(const ColumnPatterns& patterns, const TableContext& t);

// "a, b, c, ..." for at most a handful of column labels.
std::string NameColumns(const TableContext& t, const std::vector<int>& columns);

}  // namespace cg
