#include "content/knitr_outputs.h"

#include <gtest/gtest.h>

#include "content/html_reader.h"
#include "unit/content/binary_fixtures.h"
#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using Header = std::vector<std::string>;

const Header kCohort{"patient_id", "sex", "date_of_birth", "postcode", "systolic_bp", "hba1c", "smoker", "bmi"};

// tests/data/binary/rmarkdown_cohort.html: rendered by rmarkdown::render (knitr, pandoc) in
// scripts/generate-binary-fixtures from a synthetic 240-row cohort.
TEST(KnitrOutputs, RmarkdownRenderGivesPrintedWrappedAndPagedFrames) {
  const std::string page = testing::BinaryFixture("rmarkdown_cohort.html");
  ASSERT_FALSE(page.empty());
  std::vector<TableView> t = ParseKnitrOutputs(page);
  ASSERT_EQ(t.size(), 3u);  // head(), the wrapped print, the paged table; not summary() or table()
  EXPECT_EQ(t[0].format, "knitr-print");
  EXPECT_EQ(t[0].header, kCohort);
  EXPECT_EQ(t[0].row_count, 12);
  EXPECT_EQ(t[0].rows[0], (std::vector<std::string>{"5007", "M", "1950-02-07", "ZZ2 1AB", "111", "31.3", "FALSE", "19.9"}));
  // 60 columns wide: two column groups joined back into one table of 30 rows.
  EXPECT_EQ(t[1].header, kCohort);
  EXPECT_EQ(t[1].row_count, 30);
  EXPECT_EQ(t[1].rows[29], (std::vector<std::string>{"5210", "F", "1953-01-15", "ZZ4 2AB", "140", "36.5", "TRUE", "30.7"}));
  EXPECT_EQ(t[2].format, "knitr-paged");
  EXPECT_EQ(t[2].header, kCohort);
  EXPECT_EQ(t[2].row_count, 240);
  EXPECT_FALSE(t[2].row_count_estimated);
  EXPECT_EQ(t[2].rows.size(), 200u);
  EXPECT_EQ(t[2].rows[1][3], "ZZ3 2AB");
}

TEST(KnitrOutputs, HtmlReaderEmitsThemAsOutputMembers) {
  auto x = testing::ExpandBytes(testing::BinaryFixture("rmarkdown_cohort.html"), "report.html");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  std::vector<std::string> members;
  for (const auto& l : x.leaves) members.push_back(l.member);
  EXPECT_EQ(members, (std::vector<std::string>{"output[0]", "output[1]", "output[2]"}));
}

TEST(KnitrOutputs, SourceBlocksOtherPrintsAndPagedTablesCutAtMaxPrint) {
  std::string page =
      "<pre class=\"r\"><code>x &lt;- data.frame(a = 1)\nx</code></pre>\n"
      "<pre><code>## [1] 1 2 3</code></pre>\n"
      "<pre><code>## &#39;data.frame&#39;:\t3 obs. of  2 variables:\n##  $ a: num  1 2 3</code></pre>\n"
      "<div><script data-pagedtable-source type=\"application/json\">{\"columns\":[{\"label\":[\"\"],\"name\":[\"_rn_\"]},"
      "{\"label\":\"id\",\"name\":1}],\"data\":[";
  for (int i = 0; i < 1000; ++i) page += std::string(i ? "," : "") + "{\"_rn_\":\"r" + std::to_string(i) + "\",\"1\":\"" + std::to_string(i) + "\"}";
  page += "]}</script></div>";
  std::vector<TableView> t = ParseKnitrOutputs(page);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].header, (Header{"id"}));  // row names dropped
  EXPECT_EQ(t[0].row_count, 1000);
  EXPECT_TRUE(t[0].row_count_estimated);  // max.print rows kept: the frame may have had more
}

TEST(KnitrOutputs, HostileMarkupDoesNotCrashOrHang) {
  for (const char* s : {"<pre", "<pre><code>## a b\n## 1 2", "<script data-pagedtable-source>{", "<pre>&amp",
                        "<script data-pagedtable-source>{\"columns\":[{\"name\":[]}],\"data\":[[1],{}]}</script>",
                        "<pre>##\n##\n## x y\n## 1 2 3 4 5</pre>"})
    (void)ParseKnitrOutputs(s);
  std::string many;
  for (int i = 0; i < 1100; ++i) many += "<pre><code>##   id sex\n## 1 10 F\n## 2 11 M</code></pre>";
  size_t more = 0;
  EXPECT_EQ(ParseKnitrOutputs(many, &more).size(), kMaxKnitrOutputs);
  EXPECT_EQ(more, 100u);
}

}  // namespace
}  // namespace cg
