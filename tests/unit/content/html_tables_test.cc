#include "content/html_tables.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

using Header = std::vector<std::string>;

// The shape of pandas' DataFrame._repr_html_() for a truncated frame.
const char* kPandas = R"(<div>
<style scoped>.dataframe tbody tr th { vertical-align: top; } td { x: "<table>" }</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>eid</th>
      <th>sex</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>0</th>
      <td>1000001</td>
      <td>1</td>
    </tr>
    <tr>
      <th>...</th>
      <td>...</td>
      <td>...</td>
    </tr>
    <tr>
      <th>4999</th>
      <td>1005000</td>
      <td>0</td>
    </tr>
  </tbody>
</table>
<p>5000 rows &times; 2 columns</p>
</div>)";

TEST(HtmlTables, ReadsPandasFrameWithFooterRowCount) {
  auto tables = ParseHtmlTables(kPandas);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].header, (Header{"eid", "sex"}));
  EXPECT_EQ(tables[0].row_count, 5000);
  EXPECT_FALSE(tables[0].row_count_estimated);
  ASSERT_EQ(tables[0].rows.size(), 2u);
  EXPECT_EQ(tables[0].rows[1], (std::vector<std::string>{"1005000", "0"}));
}

TEST(HtmlTables, ReadsKnitrTableAndDecodesEntities) {
  const char* html =
      "<html><body><!-- <table><tr><td>hidden</td></tr></table> -->"
      "<table class=\"table\"><thead><tr><th style=\"text-align:left;\">eid</th><th>name</th></tr></thead>"
      "<tbody><tr><td>1000001</td><td>A &amp; B &#233;&#x41;</td></tr>"
      "<tr><td>1000002</td><td>x<br>y</td></tr></tbody></table>"
      "<script>document.write('<table><tr><td>no</td></tr></table>')</script>"
      "<TABLE><TR><TD>k</TD><TD>v</TD></TR><TR><TD>1<TD>2</TABLE></body></html>";
  auto tables = ParseHtmlTables(html);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].header, (Header{"eid", "name"}));
  EXPECT_EQ(tables[0].row_count, 2);
  EXPECT_EQ(tables[0].rows[0][1], "A & B \xc3\xa9" "A");
  EXPECT_EQ(tables[0].rows[1][1], "x y");
  EXPECT_EQ(tables[1].header, (Header{"k", "v"}));
  EXPECT_EQ(tables[1].rows[0], (std::vector<std::string>{"1", "2"}));
}

TEST(HtmlTables, NestedTableIsTextOfItsCell) {
  auto tables = ParseHtmlTables("<table><tr><th>a</th></tr><tr><td><table><tr><td>in</td></tr></table></td></tr></table>");
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].row_count, 1);
  EXPECT_EQ(tables[0].rows[0][0], "in");
}

TEST(HtmlTables, HostileMarkupDoesNotCrashOrHang) {
  const std::string cases[] = {"<table", "<table><tr><td", "</table></table><tr>", std::string(100000, '<'),
                               "<table>" + std::string(100000, '&'), "<!--", "<script>", "<td>&#99999999999;</td>"};
  for (const auto& html : cases) ParseHtmlTables(html);
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "<tr><td>1</td></tr>";
  auto tables = ParseHtmlTables("<table><tr><th>x</th></tr>" + many + "</table>");
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].row_count, 100000);
  EXPECT_LE(tables[0].rows.size(), 200u);
}

}  // namespace
}  // namespace cg

#include "content/html_reader.h"
#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

TEST(HtmlReader, EveryTableIsAChildNamedTableK) {
  std::string page = "<html><p>intro</p><table><tr><th>a</th></tr><tr><td>1</td></tr></table>" + std::string(kPandas) + "</html>";
  auto x = testing::ExpandBytes(page, "report.html");
  EXPECT_TRUE(x.errors.empty());
  ASSERT_EQ(x.leaves.size(), 2u);
  EXPECT_EQ(x.leaves[0].member, "table[0]");
  EXPECT_EQ(x.leaves[1].member, "table[1]");
  EXPECT_EQ(x.leaves[1].table->row_count, 5000);
}

}  // namespace
}  // namespace cg
