// The custodian summary of a sweep: who put participant data or secrets into which public
// repository and since when, so a data custodian can write to the researcher or file a takedown.
//
// CSV: one row per finding (RFC 4180, with cells that a spreadsheet would run as a formula
// prefixed by "'"). HTML: one self-contained page (inline style, no script, nothing fetched),
// per repository a table per researcher (author e-mail) with what was found, since when, and
// whether it is still in HEAD or only in history, each linked to the file at its commit.
//
// Both print rule, severity, path, member, row counts, commit, names and e-mail addresses of the
// commit, dates and permalinks: never a cell value, a column name, a masked secret or a finding
// message (a message may quote a column name).
#pragma once

#include <ostream>
#include <vector>

#include "core/finding.h"

namespace cg {

void WriteCustodianCsv(const std::vector<Finding>& findings, std::ostream& out);
void WriteCustodianHtml(const std::vector<Finding>& findings, std::ostream& out);

}  // namespace cg
