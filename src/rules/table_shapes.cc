#include "rules/table_shapes.h"

#include <algorithm>
#include <set>
#include <vector>

#include "rules/validators.h"
#include "rules/rule_set.h"

namespace cg {
namespace {

const TableShape kShapes[] = {
    {"plink-fam", "PLINK .fam: FID IID father mother sex phenotype", IsPlinkFam},
    {"labelled-matrix", "a matrix whose row labels are its column names", IsLabelledMatrix},
    {"sequential-ids", "ids that are consecutive whole numbers", HasSequentialIds},
    {"sequential-cohort-ids", "7-digit cohort-style ids that are consecutive (cohorts pseudonymise them at random)",
     HasSequentialCohortIds},
};

bool IsFamParent(const std::string& cell) { return cell == "0" || IsCodedId(cell) || IsIntegerId(cell); }

bool IsPhenotype(const std::string& cell) { return IsNumericCell(cell) || cell == "NA"; }

}  // namespace

bool IsPlinkFam(const TableView& t, int /*id_column*/) {
  if (t.has_header || t.rows.size() < 2) return false;
  size_t ok = 0;
  for (const auto& r : t.rows) {
    if (r.size() != 6 || r[0].empty() || r[1].empty()) continue;
    const std::string& sex = r[4];
    // Nobody is their own parent: a .bim with alleles coded 1/2 (chr, id, cM 0, position equal
    // to the id, 1, 2) has the shape otherwise.
    const bool own_parent = (r[2] != "0" && r[2] == r[1]) || (r[3] != "0" && r[3] == r[1]);
    if ((sex == "0" || sex == "1" || sex == "2") && IsFamParent(r[2]) && IsFamParent(r[3]) && IsPhenotype(r[5]) &&
        !own_parent)
      ++ok;
  }
  return ok * 10 >= t.rows.size() * 9;
}

bool IsLabelledMatrix(const TableView& t, int /*id_column*/) {
  if (!t.has_header || t.header.size() < 3 || t.rows.size() < 2) return false;
  std::set<std::string> names;
  for (size_t i = 1; i < t.header.size(); ++i) names.insert(NormaliseColumnName(t.header[i]));
  size_t labelled = 0;
  for (const auto& r : t.rows)
    if (!r.empty() && names.count(NormaliseColumnName(r[0]))) ++labelled;
  return labelled * 10 >= t.rows.size() * 8;
}

namespace {

// The id column's values, sorted, when every sampled one is a whole number; else empty.
std::vector<int64_t> SortedIntegerIds(const TableView& t, int id_column) {
  if (id_column < 0) {
    if (t.has_header) return {};
    id_column = 0;
  }
  std::vector<int64_t> ids;
  for (const auto& r : t.rows) {
    if (static_cast<size_t>(id_column) >= r.size() || !IsIntegerId(r[id_column])) return {};
    int64_t v = 0;  // IsIntegerId allows at most 12 digits, around quotes or blanks
    for (char c : r[id_column])
      if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    ids.push_back(v);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool Consecutive(const std::vector<int64_t>& ids) {
  if (ids.size() < 3) return false;
  for (size_t i = 1; i < ids.size(); ++i)
    if (ids[i] - ids[i - 1] != 1) return false;
  return true;
}

}  // namespace

bool HasSequentialCohortIds(const TableView& t, int id_column) {
  std::vector<int64_t> ids = SortedIntegerIds(t, id_column);
  // A run of 20 or more: smaller tables are examples, which the sequential-ids shape judges.
  return ids.size() >= 20 && Consecutive(ids) && ids.front() >= 1000000;
}

bool HasSequentialIds(const TableView& t, int id_column) { return Consecutive(SortedIntegerIds(t, id_column)); }

const TableShape* FindShape(const std::string& name) {
  for (const auto& s : kShapes)
    if (name == s.name) return &s;
  return nullptr;
}

std::string ShapeNames() {
  std::string out;
  for (const auto& s : kShapes) out += (out.empty() ? "" : ", ") + std::string(s.name);
  return out;
}

}  // namespace cg
