#include "report/custodian_report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cg {
namespace {

Finding Leak() {
  Finding f;
  f.rule = "ukbiobank.main-dataset";
  f.category = "participant-data";
  f.severity = Severity::kHigh;
  f.origin.repository = "org/a.git";
  f.origin.path = "=HYPERLINK(\"x\"),1.csv";
  f.origin.commit = std::string(40, 'c');
  f.rows = 12;
  f.columns = {"eid", "31-0.0"};
  f.message = "UK Biobank extract with 31-0.0";
  f.masked = "ghp_****";
  Provenance p;
  p.url = "javascript:alert(1)";
  p.permalink = "javascript:alert(1)";
  p.author_name = "<b>Eve</b>";
  p.author_email = "eve@example.invalid";
  p.authored = "2024-01-02T03:04:05Z";
  f.provenance = p;
  return f;
}

TEST(CustodianReport, CsvQuotesAndDefusesFormulas) {
  std::ostringstream out;
  WriteCustodianCsv({Leak()}, out);
  const std::string s = out.str();
  EXPECT_NE(s.find(",\"'=HYPERLINK(\"\"x\"\"),1.csv\","), std::string::npos) << s;
  EXPECT_NE(s.find(",only in history\r\n"), std::string::npos) << s;
  EXPECT_EQ(s.find("31-0.0"), std::string::npos) << s;   // no column name, no message
  EXPECT_EQ(s.find("ghp_"), std::string::npos) << s;     // no masked secret
}

TEST(CustodianReport, HtmlEscapesAndLinksOnlyWebAddresses) {
  std::ostringstream out;
  WriteCustodianHtml({Leak()}, out);
  const std::string s = out.str();
  EXPECT_EQ(s.find("<b>Eve"), std::string::npos) << s;
  EXPECT_NE(s.find("&lt;b&gt;Eve&lt;/b&gt; &lt;eve@example.invalid&gt;"), std::string::npos) << s;
  EXPECT_EQ(s.find("href=\"javascript"), std::string::npos) << s;
  EXPECT_EQ(s.find("31-0.0"), std::string::npos) << s;
  EXPECT_NE(s.find("1 findings since 2024-01-02T03:04:05Z; 0 still in HEAD, 1 only in history"), std::string::npos) << s;
}

}  // namespace
}  // namespace cg
