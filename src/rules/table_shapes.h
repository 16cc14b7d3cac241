// Table shapes: checks on the layout of a whole table (not one cell), named in rule packs with
// `shape:`. A PLINK .fam file, a labelled correlation matrix and a run of sequential ids are
// recognised by how their columns relate, which no single column name or cell can show.
//
// Pure functions of the sampled rows; thread-safe.
#pragma once

#include <string>

#include "core/table_view.h"

namespace cg {

// `id_column` is the table's participant-id column as the detector found it, or -1.
using ShapeFn = bool (*)(const TableView& table, int id_column);

struct TableShape {
  const char* name;
  const char* summary;
  ShapeFn fn;
};

// nullptr when no shape has that name.
const TableShape* FindShape(const std::string& name);
// Comma-separated list of every shape name, for error messages.
std::string ShapeNames();

// FID IID father mother sex phenotype: six columns, sex in {0,1,2}, parents 0 or an id.
bool IsPlinkFam(const TableView& t, int id_column);
// A matrix whose first column repeats the other columns' names (correlations, distances).
bool IsLabelledMatrix(const TableView& t, int id_column);
// Id column values that are consecutive whole numbers (made-up or auto-increment ids).
bool HasSequentialIds(const TableView& t, int id_column);
// At least 20 consecutive ids of 7 or more digits: an auto-increment key, not a cohort's
// pseudonymised ids.
bool HasSequentialCohortIds(const TableView& t, int id_column);

}  // namespace cg
