// Whole-program tests: the built binary scanning generated folders.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::TempDir;

json ScanJson(const std::vector<std::string>& extra, const std::string& cwd, int* exit_code) {
  std::vector<std::string> args{"scan", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = Cohortguard(args, cwd);
  *exit_code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

TEST(ScanCli, FlagsUkbExtractWithPathRowsColumnsAndExit1) {
  TempDir dir;
  dir.Write("data/ukb12345.csv", testing::UkbExtract(500, 3));
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(j["schema"], "cohortguard.report/v1");
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  const json& f = j["findings"][0];
  EXPECT_EQ(f["rule"], "ukbiobank.main-dataset");
  EXPECT_EQ(f["category"], "participant-data");
  EXPECT_EQ(f["severity"], "high");
  EXPECT_EQ(f["path"], "data/ukb12345.csv");
  EXPECT_TRUE(f["member"].is_null());
  EXPECT_EQ(f["rows"], 500);
  EXPECT_EQ(f["columns"], (json::array({"eid", "31-0.0", "34-0.0", "21022-0.0"})));
  EXPECT_EQ(f["id_column"], "eid");
  EXPECT_FALSE(f["fingerprint"].get<std::string>().empty());
  EXPECT_EQ(j["stats"]["files"], 1);
}

TEST(ScanCli, GwasSummaryStatisticsAndSourceCodeAreClean) {
  TempDir dir;
  dir.Write("results/gwas_bmi.tsv", testing::GwasSummaryStats(5000));
  dir.Write("analysis/load.py",
            "import pandas as pd\ndf = pd.read_csv('ukb12345.csv', usecols=['eid', '31-0.0', '21001-0.0'])\n"
            "print(df.describe())\n");
  dir.Write("README.md", "# Analysis\nData are not part of this repository.\n");
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
  EXPECT_EQ(j["stats"]["files"], 3);
}

TEST(ScanCli, BadFlagExits2) {
  auto r = Cohortguard({"scan", "--no-such-flag"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-flag"), std::string::npos) << r.err;
  EXPECT_EQ(Cohortguard({"scan", "--format", "xml", "."}).exit_code, 2);
  EXPECT_EQ(Cohortguard({"scan", "--fail-on", "sometimes", "."}).exit_code, 2);
  EXPECT_EQ(Cohortguard({"frobnicate"}).exit_code, 2);
}

TEST(ScanCli, UnreadablePathIsReportedAndTheScanGoesOn) {
  TempDir dir;
  dir.Write("data/ukb1.csv", testing::UkbExtract(100));
  int code;
  json j = ScanJson({"data", "missing.csv"}, dir.str(), &code);
  EXPECT_EQ(code, 3);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["path"], "missing.csv");
  EXPECT_EQ(j["findings"].size(), 1u) << "the readable file is still scanned";
}

TEST(ScanCli, UnreadableFileInsideFolderIsReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  auto p = dir.Write("locked.csv", testing::UkbExtract(50));
  chmod(p.c_str(), 0);
  dir.Write("ukb2.csv", testing::UkbExtract(50));
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 3);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["path"], "locked.csv");
  EXPECT_EQ(j["findings"].size(), 1u);
}

TEST(ScanCli, HonoursGitignoreInsideWorkTreeUnlessNoIgnore) {
  TempDir dir;
  ASSERT_EQ(testing::Git({"init", "-q"}, dir.str()).exit_code, 0);
  dir.Write(".gitignore", "data/\n");
  dir.Write("data/ukb1.csv", testing::UkbExtract(100));
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(j["findings"].empty());
  j = ScanJson({"--no-ignore", "."}, dir.str(), &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(j["findings"].size(), 1u);
}

TEST(ScanCli, ReportHoldsNoCellValues) {
  TempDir dir;
  std::string data = testing::UkbExtract(200);
  dir.Write("ukb.csv", data);
  for (const char* fmt : {"json", "text"}) {
    auto r = Cohortguard({"scan", "--format", fmt, "--explain", "."}, dir.str());
    // Every eid in the file: none may appear in the report.
    size_t pos = data.find('\n') + 1;
    int checked = 0;
    while (pos < data.size()) {
      std::string eid = data.substr(pos, 7);
      EXPECT_EQ(r.out.find(eid), std::string::npos) << fmt << " leaks " << eid;
      pos = data.find('\n', pos) + 1;
      ++checked;
    }
    EXPECT_EQ(checked, 200);
  }
}

TEST(ScanCli, OutputFileAndTextSummary) {
  TempDir dir;
  dir.Write("ukb.csv", testing::UkbExtract(50));
  auto r = Cohortguard({"scan", "--output", "report.txt", "ukb.csv"}, dir.str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  auto cat = testing::Run({"cat", "report.txt"}, dir.str());
  EXPECT_NE(cat.out.find("ukb.csv"), std::string::npos);
  EXPECT_NE(cat.out.find("HIGH"), std::string::npos);
  EXPECT_NE(cat.out.find("1 file scanned, 1 finding (1 high)"), std::string::npos) << cat.out;
}

TEST(ScanCli, FailOnThresholdControlsExitCode) {
  TempDir dir;
  dir.Write("ukb.csv", testing::UkbExtract(50));
  EXPECT_EQ(Cohortguard({"scan", "--fail-on", "never", "."}, dir.str()).exit_code, 0);
  EXPECT_EQ(Cohortguard({"scan", "--fail-on", "high", "."}, dir.str()).exit_code, 1);
}

TEST(ScanCli, ToyExampleOfThreeRowsDoesNotBlock) {
  TempDir dir;
  dir.Write("docs/example.csv", "eid,31-0.0,34-0.0\n1000001,0,1950\n1000002,1,1961\n1000003,0,1970\n");
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["severity"], "low");
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

TEST(ScanCli, ExtractWithACommentPreambleIsStillFlagged) {
  testing::TempDir dir;
  dir.Write("ukb.csv", "# synthetic test data\n" + testing::UkbExtract(300));
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir.str());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["rows"], 300);
}

}  // namespace
}  // namespace cg
