// One finding as a JSON object: shared by the json and jsonl formats.
#pragma once

#include <vector>

#include "core/finding.h"
#include "report/json_writer.h"

namespace cg {

void WriteFindingObject(JsonWriter& w, const Finding& f, bool explain);
void WriteEvidence(JsonWriter& w, const std::vector<Evidence>& evidence);

}  // namespace cg
