// Whole-program tests of the clinical exchange and report formats: FHIR Bundles and NDJSON
// exports, CDISC ODM (REDCap XML) and R Markdown renders, scanned by the built binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "unit/content/binary_fixtures.h"
#include "unit/content/fhir_fixtures.h"

namespace cg {
namespace {

using json = nlohmann::json;

json Scan(const std::string& dir, int* exit_code) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir);
  *exit_code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

std::vector<json> FindingsFor(const json& report, const std::string& path) {
  std::vector<json> out;
  for (const auto& f : report["findings"])
    if (f["path"] == path) out.push_back(f);
  return out;
}

bool Blocks(const json& f) { return f["severity"] == "medium" || f["severity"] == "high"; }

TEST(ExchangeFormatsCli, FhirPatientsAndTheirRecordsBlockCliniciansDoNot) {
  testing::TempDir dir;
  std::string nd;
  for (int k = 0; k < 150; ++k) nd += testing::FhirPatient(k) + "\n";
  dir.Write("export/Patient.ndjson", nd);
  const std::string url = "urn:uuid:6f1c2a94-0000-4000-8000-00000000b001";
  std::string bundle = "{\n \"resourceType\": \"Bundle\",\n \"type\": \"transaction\",\n \"entry\": [\n  {\"fullUrl\": \"" + url +
                       "\", \"resource\": " + testing::FhirPatient(3) + "}";
  for (int k = 0; k < 40; ++k) bundle += ",\n  {\"resource\": " + testing::FhirObservation(url, k) + "}";
  dir.Write("fhir/patient_bundle.json", bundle + "\n ]\n}\n");
  std::string staff = "{\"resourceType\": \"Bundle\", \"entry\": [";
  for (int k = 0; k < 60; ++k)
    staff += std::string(k ? "," : "") + "{\"resource\": {\"resourceType\": \"Practitioner\", \"id\": \"d" + std::to_string(k) +
             "\", \"name\": [{\"family\": \"F" + std::to_string(k) + "\"}], \"gender\": \"male\"}}";
  dir.Write("fhir/practitionerInformation.json", staff + "]}");
  int exit_code = -1;
  json j = Scan(dir.str(), &exit_code);
  EXPECT_EQ(exit_code, 1) << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);

  auto patients = FindingsFor(j, "export/Patient.ndjson");
  ASSERT_EQ(patients.size(), 1u) << j.dump(2);
  EXPECT_EQ(patients[0]["rule"], "fhir.patients");
  EXPECT_EQ(patients[0]["member"], "Patient");
  EXPECT_EQ(patients[0]["rows"], 150);
  EXPECT_TRUE(Blocks(patients[0])) << patients[0].dump(2);

  bool records_block = false;
  for (const auto& f : FindingsFor(j, "fhir/patient_bundle.json"))
    if (f["member"] == "records" && f["rule"] == "fhir.records" && Blocks(f) && f["rows"] == 40) records_block = true;
  EXPECT_TRUE(records_block) << j.dump(2);
  EXPECT_TRUE(FindingsFor(j, "fhir/practitionerInformation.json").empty()) << j.dump(2);
  // Cell values never leave the detector.
  for (const char* value : {"Family3", "MRN400107", "Elm Street", "555-0113", url.c_str()})
    EXPECT_EQ(j.dump().find(value), std::string::npos) << value;
}

TEST(ExchangeFormatsCli, RedcapOdmExportBlocksAndItsRawTextIsSearchedForSecrets) {
  testing::TempDir dir;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" SourceSystem=\"REDCap\">\n"
                  "<ClinicalData StudyOID=\"Project.Pilot\">\n";
  for (int k = 1; k <= 140; ++k)
    x += "<SubjectData SubjectKey=\"" + std::to_string(k) + "\"><StudyEventData><FormData><ItemGroupData>"
         "<ItemData ItemOID=\"record_id\" Value=\"" + std::to_string(k) + "\"/>"
         "<ItemData ItemOID=\"name_last\" Value=\"Surname" + std::to_string(k) + "\"/>"
         "<ItemData ItemOID=\"dob\" Value=\"19" + std::to_string(40 + k % 50) + "-0" + std::to_string(1 + k % 9) + "-2" +
         std::to_string(k % 8) + "\"/><ItemData ItemOID=\"sex\" Value=\"" + std::to_string(k % 2) + "\"/>"
         "<ItemData ItemOID=\"demographics_complete\" Value=\"2\"/></ItemGroupData></FormData></StudyEventData></SubjectData>\n";
  dir.Write("redcap/pilot_export.xml", x + "</ClinicalData>\n</ODM>\n");
  dir.Write("redcap/with_token.xml",
            "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">\n<Study><GlobalVariables>\n"
            "<StudyDescription>api token ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh</StudyDescription>\n"
            "</GlobalVariables></Study></ODM>\n");
  int exit_code = -1;
  json j = Scan(dir.str(), &exit_code);
  EXPECT_EQ(exit_code, 1) << j.dump(2);
  auto f = FindingsFor(j, "redcap/pilot_export.xml");
  ASSERT_EQ(f.size(), 1u) << j.dump(2);
  EXPECT_EQ(f[0]["category"], "participant-data");
  EXPECT_EQ(f[0]["rows"], 140);
  EXPECT_TRUE(Blocks(f[0])) << f[0].dump(2);
  auto s = FindingsFor(j, "redcap/with_token.xml");
  ASSERT_EQ(s.size(), 1u) << j.dump(2);
  EXPECT_EQ(s[0]["category"], "secret");
  EXPECT_EQ(s[0]["line"], 3);
  EXPECT_EQ(j.dump().find("Surname"), std::string::npos);
}

TEST(ExchangeFormatsCli, RmarkdownRenderBlocksOnItsPagedTable) {
  testing::TempDir dir;
  dir.Write("reports/cohort_report.html", testing::BinaryFixture("rmarkdown_cohort.html"));
  int exit_code = -1;
  json j = Scan(dir.str(), &exit_code);
  EXPECT_EQ(exit_code, 1) << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);
  bool paged = false;
  for (const auto& f : FindingsFor(j, "reports/cohort_report.html")) {
    EXPECT_EQ(f["category"], "participant-data");
    if (f["member"] == "output[2]" && f["rows"] == 240 && Blocks(f)) paged = true;
  }
  EXPECT_TRUE(paged) << j.dump(2);
  EXPECT_EQ(j.dump().find("ZZ2 1AB"), std::string::npos);
}

}  // namespace
}  // namespace cg
