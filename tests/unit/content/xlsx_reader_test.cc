#include "content/xlsx_reader.h"

#include <gtest/gtest.h>

#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using Header = std::vector<std::string>;
using testing::Member;

// The parts of a minimal workbook as Excel lays them out: sheets before sharedStrings.xml.
std::vector<Member> Workbook(bool strings_first) {
  std::vector<Member> parts = {
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
      {"xl/workbook.xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Participants" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" Type="x"/></Relationships>)"},
  };
  std::string rows;
  for (int r = 2; r <= 301; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" + std::to_string(1000000 + r) +
            "</v></c><c r=\"C" + std::to_string(r) + "\" t=\"s\"><v>" + std::to_string(r % 2 + 3) + "</v></c></row>";
  Member sheet1{"xl/worksheets/sheet1.xml",
                R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
                R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>year_of_birth</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>)" +
                    std::string() + "</x:sheetData></x:worksheet>"};
  // Rows in the default namespace: real files use one or the other.
  sheet1.data.insert(sheet1.data.find("</x:sheetData>"), [&] {
    std::string x = rows;
    for (std::string from : {"<row", "</row", "<c ", "</c>", "<v>", "</v>"}) {
      std::string to = from.substr(0, from[1] == '/' ? 2 : 1) + "x:" + from.substr(from[1] == '/' ? 2 : 1);
      for (size_t p = x.find(from); p != std::string::npos; p = x.find(from, p + to.size())) x.replace(p, from.size(), to);
    }
    return x;
  }());
  Member sheet2{"xl/worksheets/sheet2.xml",
                R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>2</v></c></row></sheetData></worksheet>)"};
  Member strings{"xl/sharedStrings.xml",
                 R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5"><si><t>eid</t></si><si><r><t>s</t></r><r><t>ex</t></r><rPh><t>x</t></rPh></si><si><t>a note</t></si><si><t>F</t></si><si><t>M</t></si></sst>)"};
  if (strings_first) parts.push_back(strings);
  parts.push_back(sheet1);
  parts.push_back(sheet2);
  if (!strings_first) parts.push_back(strings);
  return parts;
}

TEST(XlsxReader, EverySheetIsATableNamedAfterTheSheet) {
  for (bool strings_first : {false, true}) {
    SCOPED_TRACE(strings_first ? "sharedStrings first" : "sharedStrings last");
    auto x = testing::ExpandBytes(testing::Archive(Workbook(strings_first)), "cohort.xlsx");
    EXPECT_TRUE(x.errors.empty()) << x.errors[0];
    ASSERT_EQ(x.leaves.size(), 2u);
    EXPECT_EQ(x.leaves[0].member, "Participants");
    ASSERT_TRUE(x.leaves[0].table);
    const TableView& t = *x.leaves[0].table;
    EXPECT_EQ(t.format, "xlsx");
    EXPECT_EQ(t.header, (Header{"eid", "year_of_birth", "sex"}));
    EXPECT_EQ(t.row_count, 300);
    EXPECT_EQ(t.rows.size(), 200u);
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1000002", "", "F"}));
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"1000003", "", "M"}));
    EXPECT_EQ(x.leaves[1].member, "Notes");
    EXPECT_EQ(x.leaves[1].table->header, (Header{"a note"}));
    EXPECT_EQ(x.leaves[1].table->row_count, 0);
  }
}

TEST(XlsxReader, MalformedSheetXmlIsReportedAndOtherSheetsKept) {
  auto parts = Workbook(false);
  parts[4].data = "<worksheet><sheetData><row><c><v>1</v></row>";  // sheet2: unclosed tags
  auto x = testing::ExpandBytes(testing::Archive(parts), "bad.xlsx");
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("xl/worksheets/sheet2.xml: malformed XML"), std::string::npos) << x.errors[0];
  ASSERT_GE(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].member, "Participants");
}

TEST(XlsxReader, EntityExpansionBombIsRejectedByExpat) {
  std::string lol = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">";
  std::string prev = "a";
  for (int i = 0; i < 9; ++i) {
    std::string name = "e" + std::to_string(i);
    lol += "<!ENTITY " + name + " \"" + std::string() ;
    for (int k = 0; k < 10; ++k) lol += "&" + prev + ";";
    lol += "\">";
    prev = name;
  }
  lol += "]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&" + prev + ";</t></is></c></row></sheetData></worksheet>";
  auto parts = Workbook(false);
  parts[4].data = lol;
  auto x = testing::ExpandBytes(testing::Archive(parts), "lol.xlsx");
  ASSERT_FALSE(x.errors.empty());
  EXPECT_NE(x.errors[0].find("amplification"), std::string::npos) << x.errors[0];
}

TEST(XlsxReader, CellReferencesMapToColumns) {
  const std::pair<const char*, int> cases[] = {{"A1", 0}, {"B7", 1}, {"Z9", 25}, {"AA1", 26}, {"XFD1048576", 16383},
                                               {"1", -1}, {"", -1},  {"ABCD1", -1}};
  for (auto [ref, col] : cases) EXPECT_EQ(ColumnOfCellRef(ref), col) << ref;
}

TEST(XlsxReader, NotAZipIsAnError) {
  auto x = testing::ExpandBytes("PK\x03\x04 this is not really a zip", "fake.xlsx");
  EXPECT_FALSE(x.errors.empty());
}

TEST(XlsxReader, MorePartsThanTheLimitIsAnErrorNotACleanPass) {
  ContentLimits limits;
  limits.max_members = 3;
  auto x = testing::ExpandBytes(testing::Archive({{"[Content_Types].xml", "<x/>"}, {"a.xml", "<x/>"}, {"b.xml", "<x/>"},
                                {"xl/workbook.xml", "<x/>"}},
                               true, "zip:compression=store"),
                       "many.xlsx", limits);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("xlsx has more than 3 parts"), std::string::npos) << x.errors[0];
}

// Sheets store dates as serial day numbers; only the cell's style says it is a date. Broke: a
// date-of-birth column reached the detector as 5-digit numbers and was not seen as births.
std::vector<Member> DatedWorkbook(bool date1904, bool styles_last) {
  std::vector<Member> parts = {
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
      {"xl/workbook.xml",
       std::string(R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
           (date1904 ? R"(<workbookPr date1904="1"/>)" : "<workbookPr/>") +
           R"(<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/></Relationships>)"},
  };
  // styles: 0 General, 1 built-in date (14), 2 custom day/month/year, 3 custom "0.0" (a number),
  // 4 custom with quoted text and a colour only (a number)
  Member styles{"xl/styles.xml",
                R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0"/><numFmt numFmtId="166" formatCode="[Red]0&quot; days&quot;"/></numFmts>)"
                R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>)"};
  Member sheet{"xl/worksheets/sheet1.xml",
               R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
               R"(<row r="1"><c r="A1" t="inlineStr"><is><t>dob</t></is></c><c r="B1" t="inlineStr"><is><t>visit</t></is></c><c r="C1" t="inlineStr"><is><t>score</t></is></c><c r="D1" t="inlineStr"><is><t>stay</t></is></c><c r="E1" t="inlineStr"><is><t>n</t></is></c></row>)"
               R"(<row r="2"><c r="A2" s="1"><v>25569</v></c><c r="B2" s="2"><v>44197.75</v></c><c r="C2" s="3"><v>25569</v></c><c r="D2" s="4"><v>12</v></c><c r="E2" s="0"><v>7</v></c></row>)"
               R"(<row r="3"><c r="A3" s="1"><v>1</v></c><c r="B3" s="2"><v>61</v></c><c r="C3" s="1" t="inlineStr"><is><t>unknown</t></is></c><c r="D3" s="1"><v>-5</v></c><c r="E3"><v>8</v></c></row>)"
               R"(</sheetData></worksheet>)"};
  if (!styles_last) parts.push_back(styles);
  parts.push_back(sheet);
  if (styles_last) parts.push_back(styles);
  return parts;
}

TEST(XlsxReader, DateStyledNumbersAreReadAsDates) {
  for (bool styles_last : {false, true}) {
    SCOPED_TRACE(styles_last ? "styles.xml after the sheet" : "styles.xml first");
    auto x = testing::ExpandBytes(testing::Archive(DatedWorkbook(false, styles_last)), "dates.xlsx");
    EXPECT_TRUE(x.errors.empty()) << x.errors[0];
    ASSERT_EQ(x.leaves.size(), 1u);
    const TableView& t = *x.leaves[0].table;
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1970-01-01", "2021-01-01", "25569", "12", "7"}));
    // serial 1 is 1 January 1900; 61 is 1 March 1900 (past the phantom 29 February); a text
    // cell and a negative serial stay as they are
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"1900-01-01", "1900-03-01", "unknown", "-5", "8"}));
  }
}

TEST(XlsxReader, The1904DateSystemCountsFrom1904) {
  auto x = testing::ExpandBytes(testing::Archive(DatedWorkbook(true, false)), "mac.xlsx");
  ASSERT_EQ(x.leaves.size(), 1u);
  const TableView& t = *x.leaves[0].table;
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0], "1974-01-02");
  EXPECT_EQ(t.rows[1][0], "1904-01-02");
}

}  // namespace
}  // namespace cg
