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

}  // namespace
}  // namespace cg
