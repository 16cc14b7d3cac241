#include "content/fhir_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "content/file_type.h"
#include "unit/content/container_fixtures.h"
#include "unit/content/fhir_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using testing::FhirObservation;
using testing::FhirPatient;

const testing::Expansion::Leaf* Leaf(const testing::Expansion& x, const std::string& member) {
  for (const auto& l : x.leaves)
    if (l.member == member) return &l;
  return nullptr;
}

int Column(const TableView& t, const std::string& name) {
  auto it = std::find(t.header.begin(), t.header.end(), name);
  return it == t.header.end() ? -1 : static_cast<int>(it - t.header.begin());
}

// A pretty-printed Synthea-style transaction Bundle: one Patient, records pointing at it by
// its urn:uuid fullUrl (one listed before it), and clinicians and a hospital that are no one's
// records.
std::string Bundle() {
  const std::string url = "urn:uuid:6f1c2a94-0000-4000-8000-00000000a001";
  std::string b = "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"transaction\",\n  \"entry\": [\n";
  b += "    {\"fullUrl\": \"urn:uuid:obs-early\", \"resource\": " + FhirObservation(url, 0) + "},\n";
  b += "    {\"fullUrl\": \"" + url + "\", \"resource\": " + FhirPatient(1) + "},\n";
  for (int k = 1; k <= 3; ++k) b += "    {\"resource\": " + FhirObservation(url, k) + "},\n";
  b += "    {\"resource\": {\"resourceType\": \"Condition\", \"id\": \"c1\", \"subject\": {\"reference\": \"Patient/pt-7313\"},"
       " \"onsetDateTime\": \"2011-04-02\", \"code\": {\"coding\": [{\"code\": \"44054006\"}]}}},\n";
  b += "    {\"resource\": {\"resourceType\": \"Practitioner\", \"id\": \"dr1\", \"name\": [{\"family\": \"Doe\"}],"
       " \"gender\": \"female\"}},\n";
  b += "    {\"resource\": {\"resourceType\": \"Organization\", \"id\": \"org1\", \"name\": \"General Hospital\"}},\n";
  b += "    {\"request\": {\"method\": \"DELETE\", \"url\": \"Patient/old\"}}\n  ]\n}\n";
  return b;
}

TEST(FhirReader, JsonWithAResourceTypeIsSniffedAsFhirOtherJsonIsNot) {
  EXPECT_EQ(SniffFileType(Bundle(), "p.json"), FileType::kFhir);
  EXPECT_EQ(SniffFileType(FhirPatient(1) + "\n", "Patient.ndjson"), FileType::kFhir);
  EXPECT_EQ(SniffFileType("{\"eid\": 1, \"note\": \"resourceType\"}\n", "x.jsonl"), FileType::kJson);
  EXPECT_EQ(SniffFileType("{\"resourceType\": 3}", "x.json"), FileType::kJson);
}

TEST(FhirReader, BundleGivesAPatientTableAndATableOfRecordsAboutPatientsOnly) {
  auto x = ExpandBytes(Bundle(), "bundle.json");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 2u);  // Patient and records; no Practitioner or Organization
  const auto* p = Leaf(x, "Patient");
  ASSERT_TRUE(p && p->table);
  const TableView& pt = *p->table;
  EXPECT_EQ(pt.format, "fhir-patients");
  EXPECT_EQ(pt.row_count, 1);
  for (const char* c : {"id", "identifier.system", "identifier.value", "name.family", "name.given", "telecom.value",
                        "gender", "birthDate", "address.line", "address.city", "address.postalCode"})
    EXPECT_GE(Column(pt, c), 0) << c;
  for (const char* c : {"resourceType", "meta.versionId", "text.div", "text"}) EXPECT_LT(Column(pt, c), 0) << c;
  EXPECT_EQ(pt.rows[0][Column(pt, "name.given")], "Given1");  // first values of arrays
  EXPECT_EQ(pt.rows[0][Column(pt, "birthDate")], "1941-02-11");

  const auto* r = Leaf(x, "records");
  ASSERT_TRUE(r && r->table);
  const TableView& rt = *r->table;
  EXPECT_EQ(rt.format, "fhir-records");
  EXPECT_EQ(rt.row_count, 5);  // 4 Observations (the one listed before its Patient too) and the Condition
  EXPECT_EQ(rt.header[0], "patient");
  EXPECT_EQ(rt.header[1], "resourceType");
  EXPECT_EQ(rt.rows[0][0], "urn:uuid:6f1c2a94-0000-4000-8000-00000000a001");
  EXPECT_EQ(rt.rows[0][1], "Observation");
  for (const char* c : {"code.coding.code", "effectiveDateTime", "valueQuantity.value", "onsetDateTime"})
    EXPECT_GE(Column(rt, c), 0) << c;
  EXPECT_EQ(rt.rows[4][0], "Patient/pt-7313");
  EXPECT_EQ(rt.rows[4][1], "Condition");
}

TEST(FhirReader, NdjsonBulkExportIsStreamedAndEveryResourceCounted) {
  std::string nd;
  for (int k = 0; k < 450; ++k) nd += FhirPatient(k) + "\n";
  auto x = ExpandBytes(nd, "Patient.ndjson");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].member, "Patient");
  EXPECT_EQ(x.leaves[0].table->row_count, 450);
  EXPECT_EQ(x.leaves[0].table->rows.size(), 200u);

  std::string obs;
  for (int k = 0; k < 30; ++k) obs += FhirObservation("Patient/pt-" + std::to_string(k), k) + "\n";
  obs += FhirObservation("Group/g1", 99) + "\n";  // about a group, not a patient
  auto y = ExpandBytes(obs, "Observation.ndjson");
  ASSERT_EQ(y.leaves.size(), 1u);
  EXPECT_EQ(y.leaves[0].table->row_count, 30);
}

TEST(FhirReader, ClinicianAndHospitalBundlesYieldNoTable) {
  std::string b = "{\"resourceType\": \"Bundle\", \"entry\": [";
  for (int k = 0; k < 50; ++k)
    b += std::string(k ? "," : "") + "{\"resource\": {\"resourceType\": \"Practitioner\", \"id\": \"d" + std::to_string(k) +
         "\", \"name\": [{\"family\": \"F" + std::to_string(k) + "\"}], \"gender\": \"male\", \"address\": [{\"city\": \"X\"}]}}";
  b += "]}";
  auto x = ExpandBytes(b, "practitionerInformation.json");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  EXPECT_TRUE(x.leaves.empty());
}

TEST(FhirReader, BrokenInputIsAnErrorAndWhatWasReadIsKept) {
  auto bad = ExpandBytes("{\n \"resourceType\": \"Bundle\", \"entry\": [\n", "b.json");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_NE(bad.errors[0].find("invalid FHIR JSON"), std::string::npos) << bad.errors[0];

  std::string nd = FhirPatient(1) + "\n{\"resourceType\": \"Patient\", \"id\": \n" + FhirPatient(2) + "\n{\"id\": 4}\n";
  auto x = ExpandBytes(nd, "Patient.ndjson");
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].table->row_count, 2);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("1 NDJSON lines are not valid JSON; 1 JSON values are not FHIR resources"), std::string::npos)
      << x.errors[0];

  auto y = ExpandBytes(FhirPatient(1) + "\n[1, 2]\n", "Patient.ndjson");
  ASSERT_EQ(y.errors.size(), 1u);
  EXPECT_NE(y.errors[0].find("not FHIR resources"), std::string::npos) << y.errors[0];
}

TEST(FhirReader, HostileNestingAndWidthStayBounded) {
  std::string deep = "{\"resourceType\": \"Patient\", \"id\": \"x\", \"a\": ";
  for (int i = 0; i < 500; ++i) deep += "{\"b\": [";
  deep += "1";
  for (int i = 0; i < 500; ++i) deep += "]}";
  deep += "}";
  auto x = ExpandBytes(deep, "deep.json");
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_LE(x.leaves[0].table->header.size(), 3u);

  std::string wide = "{\"resourceType\": \"Patient\"";
  for (int i = 0; i < 5000; ++i) wide += ",\"f" + std::to_string(i) + "\": " + std::to_string(i);
  wide += "}";
  auto y = ExpandBytes(wide, "wide.json");
  ASSERT_EQ(y.leaves.size(), 1u);
  EXPECT_LE(y.leaves[0].table->header.size(), 400u);
}

}  // namespace
}  // namespace cg
