// TransposedTable: recognises a participant table written sideways (participants as columns,
// their ids in the header row, one attribute per row: "id, P001, P002, ..." then "sex, M, F").
//
// The header after its first cell must be distinct id-like values (not years), and the first
// column must name at least one person attribute the rule packs know (sex, age, birth, ...).
// The transposed view has one row per participant: its first column holds the ids under an
// empty name, so reports call it "column 1" and the ids never reach any output. Pure.
#pragma once

#include <optional>

#include "core/table_view.h"
#include "rules/rule_set.h"

namespace cg {

std::optional<TableView> TransposedView(const TableView& t, const RuleSet& rules);

}  // namespace cg
