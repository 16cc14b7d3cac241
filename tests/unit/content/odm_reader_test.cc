#include "content/odm_reader.h"

#include <gtest/gtest.h>

#include "content/file_type.h"
#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using Header = std::vector<std::string>;

// The shape of REDCap's "CDISC ODM (XML)" export (metadata, then ClinicalData with one
// SubjectData per record, items under events and forms); all values made up.
std::string RedcapOdm(int subjects) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
      "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:redcap=\"https://projectredcap.org\" ODMVersion=\"1.3.1\""
      " FileOID=\"000-00-0000\" FileType=\"Snapshot\" SourceSystem=\"REDCap\">\n"
      "<Study OID=\"Project.Pilot\"><MetaDataVersion OID=\"Metadata.Pilot_1\" Name=\"Pilot\">\n"
      "  <ItemDef OID=\"record_id\" Name=\"record_id\" DataType=\"text\"/>\n"
      "  <ItemDef OID=\"dob\" Name=\"dob\" DataType=\"date\" redcap:Identifier=\"y\"/>\n"
      "  <ItemDef OID=\"sex\" Name=\"sex\" DataType=\"text\"/>\n"
      "</MetaDataVersion></Study>\n"
      "<ClinicalData StudyOID=\"Project.Pilot\" MetaDataVersionOID=\"Metadata.Pilot_1\">\n";
  for (int k = 1; k <= subjects; ++k) {
    const std::string id = std::to_string(k);
    x += "<SubjectData SubjectKey=\"" + id + "\" redcap:RecordIdField=\"record_id\">\n"
         " <StudyEventData StudyEventOID=\"Event.baseline\"><FormData FormOID=\"Form.demographics\">"
         "<ItemGroupData ItemGroupOID=\"demographics.record_id\">\n"
         "  <ItemData ItemOID=\"record_id\" Value=\"" + id + "\"/>\n"
         "  <ItemData ItemOID=\"dob\" Value=\"19" + std::to_string(50 + k % 40) + "-03-0" + std::to_string(1 + k % 9) + "\"/>\n"
         "  <ItemData ItemOID=\"sex\" Value=\"" + std::to_string(k % 2) + "\"/>\n"
         "</ItemGroupData></FormData></StudyEventData>\n"
         " <StudyEventData StudyEventOID=\"Event.followup\"><FormData FormOID=\"Form.demographics\"><ItemGroupData>"
         "<ItemData ItemOID=\"sex\" Value=\"9\"/></ItemGroupData></FormData></StudyEventData>\n"
         "</SubjectData>\n";
  }
  return x + "</ClinicalData>\n</ODM>\n";
}

TEST(OdmReader, OdmRootIsSniffedWhateverTheNameOtherXmlIsText) {
  EXPECT_EQ(SniffFileType(RedcapOdm(1), "export.xml"), FileType::kOdm);
  EXPECT_EQ(SniffFileType("<!-- c -->\n<odm:ODM xmlns:odm=\"http://www.cdisc.org/ns/odm/v1.3\">", "x"), FileType::kOdm);
  EXPECT_EQ(SniffFileType("<?xml version=\"1.0\"?>\n<project><ODM/></project>", "pom.xml"), FileType::kText);
  EXPECT_EQ(SniffFileType("<ODMX>", "a.xml"), FileType::kText);
}

TEST(OdmReader, SubjectsAreRowsAndItemsColumnsFirstValueKept) {
  auto x = ExpandBytes(RedcapOdm(250), "redcap.xml");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 1u);
  const TableView& t = *x.leaves[0].table;
  EXPECT_EQ(t.format, "odm-subjects");
  EXPECT_EQ(x.leaves[0].member, "");
  EXPECT_EQ(t.header, (Header{"subject_id", "record_id", "dob", "sex"}));
  EXPECT_EQ(t.row_count, 250);
  EXPECT_EQ(t.rows.size(), 200u);
  EXPECT_EQ(t.rows[2], (std::vector<std::string>{"3", "3", "1953-03-04", "1"}));  // the follow-up's 9 is not kept
}

TEST(OdmReader, ItemNamesComeFromItemDefsAndTextValuesAreRead) {
  // An EDC export with OIDs unlike the names and ODM 1.3's typed ItemData elements, and ODM 2.0
  // <Value> children.
  const std::string x =
      "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"><Study><MetaDataVersion>"
      "<ItemDef OID=\"I_DM_SEX\" Name=\"SEX\"/><ItemDef OID=\"I_DM_BRTHDTC\" Name=\"BRTHDTC\"/></MetaDataVersion></Study>"
      "<ClinicalData><SubjectData SubjectKey=\"SS_0042\"><StudyEventData><FormData><ItemGroupData>"
      "<ItemDataString ItemOID=\"I_DM_SEX\">F</ItemDataString><ItemData ItemOID=\"I_DM_BRTHDTC\"><Value>1961-07-02</Value></ItemData>"
      "<ItemData ItemOID=\"I_UNDEFINED\" Value=\"z\"/>"
      "</ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData></ODM>";
  auto r = ExpandBytes(x, "study.xml");
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.leaves.size(), 1u);
  const TableView& t = *r.leaves[0].table;
  EXPECT_EQ(t.header, (Header{"subject_id", "SEX", "BRTHDTC", "I_UNDEFINED"}));
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"SS_0042", "F", "1961-07-02", "z"}));
}

TEST(OdmReader, MetadataOnlyYieldsNoTableMalformedXmlIsAnErrorKeepingTheRowsBefore) {
  std::string meta = RedcapOdm(0);
  auto m = ExpandBytes(meta, "dictionary.xml");
  EXPECT_TRUE(m.errors.empty()) << m.errors[0];
  EXPECT_TRUE(m.leaves.empty());

  std::string cut = RedcapOdm(3);
  cut = cut.substr(0, cut.rfind("<SubjectData")) + "<SubjectData SubjectKey=\"4\"><ItemData ItemOID=\"sex\" Value=\"1\"></Subj";
  auto x = ExpandBytes(cut, "broken.xml");
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("malformed XML at line"), std::string::npos) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].table->row_count, 2);
}

}  // namespace
}  // namespace cg
