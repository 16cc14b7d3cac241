// FindingCodec: a Finding to one line of JSON and back, for the sweep state database and for
// `report merge`, which read findings that an earlier run (or another shard) wrote.
//
// The text is the report's own finding object (report/json_finding.h, evidence included), so a
// finding stored and read back prints exactly as it did before it was stored.
#pragma once

#include <string>

#include "core/finding.h"
#include "core/status.h"

namespace cg {

std::string FindingToJson(const Finding& f);
// Errors say which field is missing or of the wrong type.
Expected<Finding> FindingFromJson(const std::string& text);

}  // namespace cg
