#include "detect/transposed_table.h"

#include <set>
#include <string>

#include "rules/validators.h"

namespace cg {
namespace {

constexpr size_t kMinIds = 3;

bool IsYear(const std::string& s) {
  return s.size() == 4 && IsIntegerId(s) && s >= "1800" && s <= "2199";
}

}  // namespace

std::optional<TableView> TransposedView(const TableView& t, const RuleSet& rules) {
  if (!t.has_header || t.header.size() < kMinIds + 1 || t.rows.size() < 2) return std::nullopt;
  std::set<std::string> ids;
  size_t id_like = 0, years = 0;
  for (size_t i = 1; i < t.header.size(); ++i) {
    const std::string& h = t.header[i];
    ids.insert(h);
    id_like += IsIntegerId(h) || IsCodedId(h);
    years += IsYear(h);
  }
  const size_t n = t.header.size() - 1;
  if (ids.size() != n || id_like * 10 < n * 9 || years * 10 >= n * 8) return std::nullopt;
  // The first column names attributes, one per row, and at least one is a person attribute.
  std::set<std::string> labels;
  bool person = false;
  for (const auto& row : t.rows) {
    if (row.empty() || row[0].empty() || IsNumericCell(row[0]) || !labels.insert(row[0]).second) return std::nullopt;
    const std::string name = NormaliseColumnName(row[0]);
    for (const AttributeRule& a : rules.attributes) person |= a.columns.Matches(name);
  }
  if (!person) return std::nullopt;
  TableView out;
  out.format = t.format;
  out.has_header = true;
  out.header.push_back("");  // the ids: reported as "column 1"
  for (const auto& row : t.rows) out.header.push_back(row[0]);
  for (size_t c = 1; c < t.header.size(); ++c) {
    std::vector<std::string> person_row{t.header[c]};
    for (const auto& row : t.rows) person_row.push_back(c < row.size() ? row[c] : std::string());
    out.rows.push_back(std::move(person_row));
  }
  out.row_count = static_cast<int64_t>(n);
  out.row_count_estimated = false;
  return out;
}

}  // namespace cg
