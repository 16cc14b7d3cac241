// HeaderFinder: finds the header of a parsed sheet or HTML table below a preamble.
//
// Spreadsheets put title lines, a logo block, a "visit band" row or blank cells above the real
// header ("Acute Kidney Injury Study" on row 1, the column names on row 4). A reader hands the
// first row over as the header; when that row is nearly empty compared with the rows below it,
// the first of the next rows that is wide and reads like names (text cells, distinct) becomes
// the header and the rows above it are dropped. Delimited text has its own preamble handling in
// the table sniffer. Pure; thread-safe.
#pragma once

#include <optional>

#include "core/table_view.h"

namespace cg {

// The table with its header found below a preamble, or nullopt when the first row is the header.
std::optional<TableView> HeaderBelowPreamble(const TableView& t);

}  // namespace cg
