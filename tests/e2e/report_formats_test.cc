// Whole-program report tests: every format from a real scan (goldens, timings zeroed), no cell
// or secret value in any of them, colour flags, and SARIF that Microsoft's SARIF Multitool
// (schema 2.1.0 plus GitHub's ingestion rules) accepts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "support/golden.h"
#include "support/report_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::TempDir;

// Every cell value and the secrets written below contain this; no report may.
constexpr const char* kPlanted = "PLANTED";

// A UK Biobank-style extract whose text cells are all "PLANTED...", a settings file with fake
// credentials, and a clean script. Deterministic.
void WriteProject(const TempDir& dir) {
  std::ostringstream csv;
  csv << "eid,31-0.0,34-0.0,20002-0.0\n";
  for (int i = 0; i < 120; ++i)
    csv << 1000000 + i * 7919 % 8999999 << "," << i % 2 << "," << 1940 + i % 30 << ",PLANTEDCELL" << i << "Q\n";
  dir.Write("data/ukb12345.csv", csv.str());
  dir.Write("config/settings.py", "AWS_ACCESS_KEY_ID = 'AKIAQZPLANTEDSECR7'\n"
                                  "GITHUB_TOKEN = 'ghp_PLANTEDsecretTOKEN0123456789abcdefgh'\n");
  dir.Write("src/analysis.py", "import pandas as pd\nprint(pd.read_csv('data/ukb12345.csv').shape)\n");
}

std::string Extension(const std::string& format) {
  if (format == "text") return "txt";
  if (format == "junit") return "xml";
  if (format == "gitlab") return "gitlab.json";
  return format;
}

std::string Normalise(std::string out) {
  out = testing::ZeroNumberAfter(out, "\"elapsed_ms\": ");
  out = testing::ZeroNumberAfter(out, "time=\"");
  out = testing::ZeroNumberAfter(out, "skipped in ");
  out = testing::ZeroNumberAfter(out, "\"version\": \"");
  out = testing::ZeroTimestampAfter(out, "\"start_time\": \"");
  out = testing::ZeroTimestampAfter(out, "\"end_time\": \"");
  return out;
}

TEST(ReportFormatsCli, EveryFormatOfARealScanMatchesItsGolden) {
  TempDir dir;
  WriteProject(dir);
  for (const auto& f : ReportFormats()) {
    SCOPED_TRACE(f.name);
    auto r = Cohortguard({"scan", "--format", f.name, "--threads", "1", "."}, dir.str());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(testing::CompareWithGolden("scan/project." + Extension(f.name), Normalise(r.out)), "");
  }
}

TEST(ReportFormatsCli, NoFormatContainsACellValueOrASecret) {
  TempDir dir;
  WriteProject(dir);
  std::vector<std::vector<std::string>> runs;
  for (const auto& f : ReportFormats()) {
    runs.push_back({"scan", "--format", f.name, "."});
    runs.push_back({"scan", "--format", f.name, "--explain", "."});
  }
  runs.push_back({"scan", "--format", "text", "--color", "always", "--explain", "."});
  for (const auto& args : runs) {
    auto r = Cohortguard(args, dir.str());
    SCOPED_TRACE(args[2] + (args.size() > 4 ? " " + args[3] : ""));
    EXPECT_FALSE(r.out.empty());
    EXPECT_EQ(r.out.find(kPlanted), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find(kPlanted), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("1007919"), std::string::npos) << "an eid value leaked";
  }
}

TEST(ReportFormatsCli, ColourOnlyWhenAskedInAPipeAndNoColorOnlyAffectsAuto) {
  TempDir dir;
  WriteProject(dir);
  EXPECT_EQ(Cohortguard({"scan", "."}, dir.str()).out.find('\033'), std::string::npos);
  EXPECT_NE(Cohortguard({"scan", "--color=always", "."}, dir.str()).out.find("\033[1;31mHIGH"), std::string::npos);
  EXPECT_NE(testing::Run({"env", "NO_COLOR=1", COHORTGUARD_BINARY, "scan", "--color=always", "."}, dir.str())
                .out.find('\033'),
            std::string::npos);
  EXPECT_EQ(Cohortguard({"scan", "--color=never", "."}, dir.str()).out.find('\033'), std::string::npos);
  auto bad = Cohortguard({"scan", "--color=sometimes", "."}, dir.str());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--color"), std::string::npos) << bad.err;
}

TEST(ReportFormatsCli, JunitHasOneTestCasePerScannedFile) {
  TempDir dir;
  WriteProject(dir);
  auto r = Cohortguard({"scan", "--format", "junit", "."}, dir.str());
  for (const char* name : {"data/ukb12345.csv", "config/settings.py", "src/analysis.py"})
    EXPECT_NE(r.out.find(std::string("name=\"") + name + "\""), std::string::npos) << name << "\n" << r.out;
  EXPECT_NE(r.out.find("tests=\"3\""), std::string::npos) << r.out;
}

// The multitool's own SARIF log of what it found in `file`: {ruleId, level} pairs.
std::vector<std::pair<std::string, std::string>> Validate(const std::string& exe, const std::string& file) {
  TempDir out;
  const std::string log = out.str() + "/validation.sarif";
  auto r = testing::Run({exe, "validate", "--rule-kind", "Gh;Sarif", "--output", log, file});
  std::ifstream in(log);
  EXPECT_TRUE(in.good()) << "the multitool wrote no log: " << r.out << r.err;
  if (!in) return {};
  json j = json::parse(in);
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& res : j["runs"][0].value("results", json::array()))
    found.push_back({res["ruleId"], res.value("level", "warning")});
  return found;
}

TEST(SarifValidation, MultitoolAcceptsOurSarifUnderSchemaAndGithubRules) {
  auto install = testing::Run({std::string(COHORTGUARD_SOURCE_DIR) + "/scripts/install-sarif-multitool",
                               (std::filesystem::path(COHORTGUARD_BINARY).parent_path() / "node_tools").string()});
  ASSERT_EQ(install.exit_code, 0) << install.err;
  std::string exe = install.out.substr(0, install.out.find('\n'));

  TempDir dir;
  WriteProject(dir);
  std::vector<std::string> files;
  {
    std::ofstream sample(dir.str() + "/sample.sarif");
    WriteSarifReport(testing::SampleScanResult(), testing::SampleReportOptions("sarif"), sample);
    files.push_back(dir.str() + "/sample.sarif");
  }
  auto scan = Cohortguard({"scan", "--format", "sarif", "--output", dir.str() + "/scan.sarif", "data", "src"}, dir.str());
  ASSERT_EQ(scan.exit_code, 1) << scan.err;
  files.push_back(dir.str() + "/scan.sarif");

  for (const auto& file : files) {
    SCOPED_TRACE(file);
    for (const auto& [rule, level] : Validate(exe, file)) {
      // Known, deliberate: no public home page to name (SARIF2005), and table findings have no
      // line to point at (SARIF2017): GitHub shows them as file-level alerts.
      const bool allowed = level != "error" && (rule == "SARIF2005" || rule == "SARIF2017");
      EXPECT_TRUE(allowed) << rule << " " << level;
    }
  }

  // The harness can fail: a result without locations breaks GitHub's ingestion rules.
  const std::string bad = dir.str() + "/bad.sarif";
  std::ofstream(bad) << R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"r"}]}},)"
                     << R"("results":[{"ruleId":"r","level":"error","message":{"text":"m."}}]}]})";
  bool flagged = false;
  for (const auto& [rule, level] : Validate(exe, bad)) flagged |= level == "error";
  EXPECT_TRUE(flagged);
}

}  // namespace
}  // namespace cg
