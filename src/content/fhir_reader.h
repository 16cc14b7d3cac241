// FHIR JSON (HL7 FHIR R4/R5): Bundles (`"resourceType": "Bundle"`, entries of Patient,
// Observation, Condition, ...), single resources, JSON arrays of resources and NDJSON bulk
// exports (one resource per line, streamed). Patient resources become one participant table
// (member `Patient`, format `fhir-patients`): one row per Patient, columns from the fields
// present, flattened to dotted paths of their first values (`name.family`, `address.postalCode`).
// Every other resource that points at a patient (`subject`, `patient` or `beneficiary` naming
// `Patient/...`, or the fullUrl of a Patient entry of the same Bundle) becomes a row of one
// table of per-person records (member `records`, format `fhir-records`) whose first columns
// are `patient` (that reference) and `resourceType`, then the union of the resources' fields. Resources about no patient (Organization, Practitioner, Location)
// are read and counted, never tabled: a Bundle of clinicians is not a table of participants.
// Parsing is simdjson; a whole Bundle is held up to kMaxJsonArrayBytes.
#pragma once

#include "content/content_reader.h"

namespace cg {

class FhirReader : public ContentReader {
 public:
  const char* name() const override { return "fhir"; }
  const char* summary() const override {
    return "FHIR JSON Bundles and NDJSON bulk exports: Patient resources as a participant table, "
           "resources about a patient as a table of per-person records (simdjson); NDJSON is streamed";
  }
  bool Accepts(FileType type) const override { return type == FileType::kFhir; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
