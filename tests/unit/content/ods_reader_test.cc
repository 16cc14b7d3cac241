#include "content/ods_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using testing::Archive;
using testing::BinaryFixture;
using testing::ExpandBytes;

const char kMimetype[] = "application/vnd.oasis.opendocument.spreadsheet";

std::string Ods(const std::string& body) {
  std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>" +
      body + "</office:spreadsheet></office:body></office:document-content>";
  return Archive({{"mimetype", kMimetype}, {"content.xml", content}}, true, "zip:compression=store");
}

std::string Cell(const std::string& text) { return "<table:table-cell><text:p>" + text + "</text:p></table:table-cell>"; }

// Written by pandas' odf writer (scripts/generate-binary-fixtures).
TEST(OdsReader, ReadsEverySheetOfAPandasWorkbook) {
  auto x = ExpandBytes(BinaryFixture("ukb_pilot.ods"), "ukb_pilot.ods");
  ASSERT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 2u);
  EXPECT_EQ(x.leaves[0].member, "participants");
  EXPECT_EQ(x.leaves[1].member, "notes");
  ASSERT_TRUE(x.leaves[0].table);
  const TableView& t = *x.leaves[0].table;
  EXPECT_EQ(t.format, "ods");
  EXPECT_EQ(t.header, (std::vector<std::string>{"eid", "31-0.0", "34-0.0", "53-0.0"}));
  EXPECT_EQ(t.row_count, 130);
  ASSERT_EQ(t.rows.size(), 130u);
  EXPECT_EQ(t.rows[0][0], "1016242");
  EXPECT_EQ(t.rows[0][1], "0");  // pandas writes 0 with an empty paragraph: the value is used
  EXPECT_EQ(t.rows[1][1], "1");
  EXPECT_EQ(t.rows[129][0], "5978517");
}

TEST(OdsReader, IsSniffedByItsMimetypeWithoutTheExtension) {
  std::string ods = BinaryFixture("ukb_pilot.ods");
  Document doc(Origin{"blob", "", "", "", ""}, "blob", std::make_unique<MemoryStream>(ods));
  auto head = doc.Peek(4096);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(SniffFileType(*head, "export_final"), FileType::kOds);
}

TEST(OdsReader, RepeatedRowsAndColumnsAreCountedAndBlankOnesAreNot) {
  std::string body =
      "<table:table table:name=\"Sheet1\">"
      "<table:table-row>" + Cell("eid") + Cell("sex") + "<table:table-cell table:number-columns-repeated=\"16380\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"500\">" + Cell("1000001") +
      "<table:table-cell table:number-columns-repeated=\"1\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
      "</table:table>";
  auto x = ExpandBytes(Ods(body), "big.ods");
  ASSERT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 1u);
  const TableView& t = *x.leaves[0].table;
  EXPECT_EQ(t.header, (std::vector<std::string>{"eid", "sex"}));
  EXPECT_EQ(t.row_count, 500);
  EXPECT_EQ(t.rows.size(), 200u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1000001", "1"}));
}

TEST(OdsReader, CommentsAreNotCellTextAndParagraphsAndSpacesAre) {
  std::string body =
      "<table:table table:name=\"t\"><table:table-row>" + Cell("participant id") + Cell("note") + "</table:table-row>"
      "<table:table-row>" + Cell("A<text:s text:c=\"2\"/>B") +
      "<table:table-cell><office:annotation><text:p>reviewer comment</text:p></office:annotation>"
      "<text:p>line 1</text:p><text:p>line 2</text:p></table:table-cell></table:table-row></table:table>";
  auto x = ExpandBytes(Ods(body), "t.ods");
  ASSERT_EQ(x.leaves.size(), 1u);
  const TableView& t = *x.leaves[0].table;
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][0], "A  B");
  EXPECT_EQ(t.rows[0][1], "line 1\nline 2");
}

TEST(OdsReader, MalformedContentIsCorruptAndSheetsBeforeItAreKept) {
  std::string body = "<table:table table:name=\"ok\"><table:table-row>" + Cell("eid") +
                     "</table:table-row><table:table-row>" + Cell("1") + "</table:table-row></table:table>"
                     "<table:table table:name=\"bad\"><table:table-row>";
  std::string ods = Ods(body);
  // The last sheet is cut short: expat reports it at the end of content.xml.
  auto x = ExpandBytes(ods, "bad.ods");
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].member, "ok");
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("content.xml"), std::string::npos) << x.errors[0];
  EXPECT_NE(x.errors[0].find("malformed XML"), std::string::npos) << x.errors[0];
}

TEST(OdsReader, AZipWithoutContentIsAnError) {
  auto x = ExpandBytes(Archive({{"mimetype", kMimetype}, {"styles.xml", "<x/>"}}, true, "zip:compression=store"),
                       "empty.ods");
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("content.xml"), std::string::npos) << x.errors[0];
}

TEST(OdsReader, MorePartsThanTheLimitIsAnErrorNotACleanPass) {
  ContentLimits limits;
  limits.max_members = 3;
  auto x = ExpandBytes(Archive({{"mimetype", kMimetype}, {"a.xml", "<x/>"}, {"b.xml", "<x/>"}, {"c.xml", "<x/>"},
                                {"content.xml", "<x/>"}},
                               true, "zip:compression=store"),
                       "many.ods", limits);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("ods has more than 3 parts"), std::string::npos) << x.errors[0];
}

}  // namespace
}  // namespace cg
