#include "content/text_tables.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

using Header = std::vector<std::string>;

struct FixedCase {
  const char* label;
  const char* text;
  Header header;
  int64_t rows;
  bool estimated;
  std::vector<std::string> first_row;
};

TEST(FixedWidthTable, ParsesPandasRAndTibbleRenderings) {
  const FixedCase cases[] = {
      {"pandas head", "       eid  sex  year_of_birth\n0  1000001    1           1950\n1  1000002    0           1961\n",
       {"eid", "sex", "year_of_birth"}, 2, false, {"1000001", "1", "1950"}},
      {"pandas truncated with footer",
       "          eid  sex\n0     1000001    1\n1     1000002    0\n...       ...  ...\n4998  1004999    1\n"
       "4999  1005000    0\n\n[5000 rows x 2 columns]",
       {"eid", "sex"}, 5000, false, {"1000001", "1"}},
      {"pandas column truncation",
       "   eid  f1  ...  f9\n0    1   2  ...   3\n1    4   5  ...   6\n", {"eid", "f1", "f9"}, 2, false, {"1", "2", "3"}},
      {"R data.frame", "      eid sex\n1 1000001   1\n2 1000002   0\n3 1000003   1\n", {"eid", "sex"}, 3, false,
       {"1000001", "1"}},
      {"tibble", "# A tibble: 1,000 \xc3\x97 2\n      eid   sex\n    <dbl> <dbl>\n1 1000001     1\n2 1000002     0\n"
                 "# \xe2\x84\xb9 998 more rows\n",
       {"eid", "sex"}, 1000, false, {"1000001", "1"}},
      {"no index", "eid sex\n1000001 1\n1000002 0\n", {"eid", "sex"}, 2, false, {"1000001", "1"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    auto t = ParseFixedWidthTable(c.text);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->header, c.header);
    EXPECT_EQ(t->row_count, c.rows);
    EXPECT_EQ(t->row_count_estimated, c.estimated);
    ASSERT_FALSE(t->rows.empty());
    EXPECT_EQ(t->rows[0], c.first_row);
  }
}

TEST(FixedWidthTable, TruncatedRowsWithoutFooterAreEstimated) {
  auto t = ParseFixedWidthTable("   a  b\n0  1  2\n...  ...  ...\n9  3  4\n");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->row_count, 2);
  EXPECT_TRUE(t->row_count_estimated);
}

// R right-aligns every column; a value with a space ("ZZ2 1AB", "Never smoked") splits into two
// words, so columns are found by the positions blank on every line instead.
TEST(FixedWidthTable, ValuesWithSpacesAreSplitByColumnPosition) {
  auto t = ParseFixedWidthTable(
      "   patient_id sex postcode       smoking\n"
      "1        5007   M  ZZ2 1AB  Never smoked\n"
      "2        5014   F  ZZ3 2AB        Former\n"
      "3        5021   M  ZZ4 3AB  Never smoked\n");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->header, (std::vector<std::string>{"patient_id", "sex", "postcode", "smoking"}));
  EXPECT_EQ(t->row_count, 3);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"5007", "M", "ZZ2 1AB", "Never smoked"}));
  EXPECT_EQ(t->rows[1][3], "Former");
}

TEST(FixedWidthTable, RejectsTextThatIsNotATable) {
  const char* cases[] = {
      "",
      "42",
      "Hello world\n",
      "The model converged after 12 iterations.\nFinal loss was 0.31 on the held out set, good.\nDone\n",
      "apple\nbanana\ncherry\n",
      "<matplotlib.axes._subplots.AxesSubplot at 0x7f>",
      "Epoch 1 loss 0.52 acc 0.81\nEpoch 2 loss 0.41\nTraining finished in 12 s, saved to model weights file\n",
  };
  for (const char* text : cases) EXPECT_FALSE(ParseFixedWidthTable(text).has_value()) << text;
}

TEST(MarkdownTables, FindsEveryPipeTable) {
  const char* md =
      "# Results\n\n| eid | sex |\n|-----|:---:|\n| 1000001 | 1 |\n| 1000002 | 0 |\n\ntext between\n\n"
      "a | b\n--- | ---\nx \\| y | 2\n";
  auto tables = ParseMarkdownTables(md);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].header, (Header{"eid", "sex"}));
  EXPECT_EQ(tables[0].row_count, 2);
  EXPECT_EQ(tables[0].rows[1], (std::vector<std::string>{"1000002", "0"}));
  EXPECT_EQ(tables[1].header, (Header{"a", "b"}));
  EXPECT_EQ(tables[1].rows[0][0], "x | y");
}

TEST(MarkdownTables, IgnoresPipesWithoutSeparatorRow) {
  EXPECT_TRUE(ParseMarkdownTables("a | b\nc | d\n").empty());
  EXPECT_TRUE(ParseMarkdownTables("just text\n---\n").empty());
}

}  // namespace
}  // namespace cg
