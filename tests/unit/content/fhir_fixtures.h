// Small synthetic FHIR R4 resources for the reader tests (every value made up; hosts under
// example.invalid). No Debian tool writes FHIR, so these follow the shapes of the specification
// and of Synthea's transaction Bundles (urn:uuid fullUrls, subjects pointing at them) and bulk
// NDJSON exports (one resource per line, `Patient/<id>` references).
#pragma once

#include <string>

namespace cg::testing {

inline std::string FhirPatient(int k) {
  const std::string id = "pt-" + std::to_string(7300 + k * 13);
  return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"meta\":{\"versionId\":\"1\"}," +
         "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}," +
         "\"identifier\":[{\"system\":\"https://hospital.example.invalid/mrn\",\"value\":\"MRN" +
         std::to_string(400100 + k * 7) + "\"}]," + "\"name\":[{\"use\":\"official\",\"family\":\"Family" +
         std::to_string(k) + "\",\"given\":[\"Given" + std::to_string(k) + "\",\"Middle\"]}]," +
         "\"telecom\":[{\"system\":\"phone\",\"value\":\"555-01" + std::to_string(10 + k % 80) + "\"}]," +
         "\"gender\":\"" + (k % 2 ? "female" : "male") + "\",\"birthDate\":\"19" + std::to_string(40 + k % 50) + "-0" +
         std::to_string(1 + k % 9) + "-1" + std::to_string(k % 10) + "\"," +
         "\"address\":[{\"line\":[\"" + std::to_string(10 + k) + " Elm Street\"],\"city\":\"Springfield\"," +
         "\"postalCode\":\"0" + std::to_string(1000 + k * 3) + "\",\"country\":\"US\"}]}";
}

inline std::string FhirObservation(const std::string& subject, int k) {
  return "{\"resourceType\":\"Observation\",\"id\":\"obs-" + std::to_string(k) +
         "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8302-2\"," +
         "\"display\":\"Body height\"}]},\"subject\":{\"reference\":\"" + subject + "\"}," +
         "\"effectiveDateTime\":\"2019-0" + std::to_string(1 + k % 9) + "-12T10:00:00Z\"," +
         "\"valueQuantity\":{\"value\":" + std::to_string(150 + k % 40) + ",\"unit\":\"cm\"}}";
}

}  // namespace cg::testing
