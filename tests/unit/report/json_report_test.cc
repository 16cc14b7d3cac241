// Golden test for the JSON report: a fixed ScanResult must render exactly as
// tests/golden/report_v1.json. Regenerate deliberately with COHORTGUARD_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/json_writer.h"
#include "report/report.h"

namespace cg {
namespace {

ScanResult FixedResult() {
  ScanResult r;
  Finding f;
  f.rule = "ukbiobank.main-dataset";
  f.category = "participant-data";
  f.severity = Severity::kHigh;
  f.confidence = 0.98;
  f.origin.path = "data/ukb12345.csv.gz";
  f.origin.member = "ukb12345.csv";
  f.rows = 502411;
  f.columns = {"eid", "31-0.0", "34-0.0"};
  f.id_column = "eid";
  f.message = "UK Biobank main-dataset extract: 502,411 rows, 3 columns, id column 'eid'";
  f.fingerprint = "0123456789abcdef0123456789abcdef";
  f.evidence = {{"ukbiobank.main-dataset/eid-column", "1 column(s) match: eid", 0.45}};
  r.findings.push_back(f);
  r.errors.push_back({Origin{"broken.zip", "", "", "", ""}, "zip: truncated archive"});
  r.skipped.push_back({Origin{"huge.csv", "", "", "", ""}, "larger than --max-file-size"});
  r.stats.files = 3;
  r.stats.bytes = 1234;
  r.stats.skipped = 1;
  r.stats.elapsed_ms = 7;
  return r;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(JsonReport, MatchesGolden) {
  std::ostringstream out;
  WriteJsonReport(FixedResult(), ReportOptions{}, out);
  std::string text = out.str();
  // The version is not part of the golden file.
  const std::string version = std::string("\"version\": \"") + COHORTGUARD_VERSION + "\"";
  size_t at = text.find(version);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, version.size(), "\"version\": \"VERSION\"");
  const std::string golden = std::string(COHORTGUARD_SOURCE_DIR) + "/tests/golden/report_v1.json";
  if (std::getenv("COHORTGUARD_UPDATE_GOLDEN")) std::ofstream(golden) << text;
  EXPECT_EQ(text, ReadFile(golden));
}

TEST(JsonWriter, EscapesControlQuotesAndInvalidUtf8Losslessly) {
  EXPECT_EQ(JsonEscape("a\"b\\c\n\t\x01"), "a\\\"b\\\\c\\n\\t\\u0001");
  EXPECT_EQ(JsonEscape("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(JsonEscape("bad\xFFname"), "bad\\\\xFFname");
}

}  // namespace
}  // namespace cg
