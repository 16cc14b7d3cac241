// SPDX-License-Identifier: Apache-2.0
// The GitLab integration: `--format gitlab` against what GitLab's secret-detection report
// schema (15.2.1) requires — checked structurally here, since the schema is not published in a
// package this project can install — and examples/gitlab/cohortguard.gitlab-ci.yml, validated
// against GitLab's CI configuration schema (bundled by the npm package gitlab-ci-local, installed
// by scripts/test) and whose job script is run for real on a temporary repository.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "report/report.h"
#include "support/report_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::Git;
using testing::RunResult;
using testing::TempDir;

const std::string kSource = COHORTGUARD_SOURCE_DIR;

// What the schema requires of a report, one message per violation (empty: valid).
std::vector<std::string> SchemaViolations(const json& r) {
  std::vector<std::string> v;
  auto nonempty_string = [&](const json& o, const std::string& key, const std::string& where) {
    if (!o.is_object() || !o.contains(key) || !o[key].is_string() || o[key].get<std::string>().empty())
      v.push_back(where + "." + key + " must be a non-empty string");
  };
  const std::regex time("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"), version("^[0-9]+\\.[0-9]+\\.[0-9]+$");
  if (!r.is_object()) return {"not an object"};
  for (const char* key : {"scan", "version", "vulnerabilities"})
    if (!r.contains(key)) v.push_back(std::string("missing ") + key);
  if (r.contains("version") && !(r["version"].is_string() && std::regex_match(r["version"].get<std::string>(), version)))
    v.push_back("version must be X.Y.Z");
  const json& scan = r.value("scan", json::object());
  for (const char* key : {"analyzer", "scanner"}) {
    const json& a = scan.value(key, json());
    for (const char* field : {"id", "name", "version"}) nonempty_string(a, field, std::string("scan.") + key);
    nonempty_string(a.is_object() ? a.value("vendor", json()) : json(), "name", std::string("scan.") + key + ".vendor");
  }
  for (const char* key : {"start_time", "end_time"})
    if (!(scan.contains(key) && scan[key].is_string() && std::regex_match(scan[key].get<std::string>(), time)))
      v.push_back(std::string("scan.") + key + " must be yyyy-mm-ddThh:mm:ss");
  if (scan.value("status", "") != "success" && scan.value("status", "") != "failure") v.push_back("scan.status");
  if (scan.value("type", "") != "secret_detection") v.push_back("scan.type must be secret_detection");
  for (const auto& m : scan.value("messages", json::array())) {
    static const std::set<std::string> levels = {"info", "warn", "fatal"};
    if (!levels.count(m.value("level", ""))) v.push_back("scan.messages[].level");
    nonempty_string(m, "value", "scan.messages[]");
  }
  if (!r.value("vulnerabilities", json()).is_array()) return v.push_back("vulnerabilities must be an array"), v;
  for (const auto& x : r["vulnerabilities"]) {
    nonempty_string(x, "id", "vulnerability");
    if (x.contains("name") && (!x["name"].is_string() || x["name"].get<std::string>().size() > 255)) v.push_back("name");
    if (x.contains("solution") && x["solution"].get<std::string>().size() > 7000) v.push_back("solution too long");
    static const std::set<std::string> severities = {"Info", "Unknown", "Low", "Medium", "High", "Critical"};
    if (x.contains("severity") && !severities.count(x["severity"].get<std::string>())) v.push_back("severity");
    const json& ids = x.value("identifiers", json());
    if (!ids.is_array() || ids.empty()) v.push_back("identifiers must have one item or more");
    for (const auto& id : ids.is_array() ? ids : json::array())
      for (const char* field : {"type", "name", "value"}) nonempty_string(id, field, "identifiers[]");
    const json& loc = x.value("location", json());
    nonempty_string(loc.is_object() ? loc.value("commit", json()) : json(), "sha", "location.commit");
    if (loc.contains("start_line") && !loc["start_line"].is_number()) v.push_back("location.start_line");
    if (x.contains("raw_source_code_extract")) v.push_back("raw_source_code_extract would carry the cell or secret");
  }
  return v;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

void WriteStudy(const TempDir& dir, const std::string& root) {
  dir.Write(root + "/analysis.R", "fit <- lm(y ~ x, data = d)\n");
  dir.Write(root + "/data/ukb12345.csv", testing::UkbExtract(300));
  dir.Write(root + "/config/settings.py", "AWS_ACCESS_KEY_ID = 'AKIAQZPLANTEDSECR7'\n");
}

TEST(GitlabReport, SampleAndRealScanMeetTheSecretDetectionSchema) {
  std::ostringstream sample;
  WriteGitlabReport(testing::SampleScanResult(), testing::SampleReportOptions("gitlab"), sample);
  json s = json::parse(sample.str());
  EXPECT_EQ(Join(SchemaViolations(s)), "");
  EXPECT_EQ(s["scan"]["status"], "failure") << "the sample has errors and skipped items: not a clean scan";
  EXPECT_FALSE(s["scan"]["messages"].empty());

  TempDir dir;
  WriteStudy(dir, "p");
  RunResult r = testing::Cohortguard({"scan", "--format", "gitlab", "."}, dir.str() + "/p");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(Join(SchemaViolations(j)), "");
  EXPECT_EQ(j["scan"]["status"], "success");
  std::set<std::string> rules, ids;
  for (const auto& x : j["vulnerabilities"]) {
    rules.insert(x["identifiers"][0]["value"].get<std::string>());
    ids.insert(x["id"].get<std::string>());
  }
  EXPECT_TRUE(rules.count("ukbiobank.main-dataset")) << r.out;
  EXPECT_EQ(ids.size(), j["vulnerabilities"].size()) << "ids are unique";
  EXPECT_EQ(r.out.find("AKIAQZPLANTEDSECR7"), std::string::npos) << "the secret leaked";
  // The same scan again: the same ids, so GitLab tracks each finding across pipelines.
  json again = json::parse(testing::Cohortguard({"scan", "--format", "gitlab", "."}, dir.str() + "/p").out);
  EXPECT_EQ(again["vulnerabilities"][0]["id"], j["vulnerabilities"][0]["id"]);
}

TEST(GitlabReport, TheSchemaCheckCanFail) {
  std::ostringstream sample;
  WriteGitlabReport(testing::SampleScanResult(), testing::SampleReportOptions("gitlab"), sample);
  json good = json::parse(sample.str());
  json bad = good;
  bad["scan"].erase("status");
  EXPECT_FALSE(SchemaViolations(bad).empty());
  bad = good;
  bad["scan"]["start_time"] = "2026-01-02 03:04:05";
  EXPECT_FALSE(SchemaViolations(bad).empty());
  bad = good;
  bad["vulnerabilities"][0]["location"].erase("commit");
  EXPECT_FALSE(SchemaViolations(bad).empty());
  bad = good;
  bad["vulnerabilities"][0]["identifiers"] = json::array();
  EXPECT_FALSE(SchemaViolations(bad).empty());
}

// The node_modules folder holding gitlab-ci-local (and the Ajv and js-yaml it installs).
std::string InstallGitlabCiSchema() {
  const fs::path tools = fs::path(COHORTGUARD_BINARY).parent_path() / "node_tools";
  auto r = testing::Run({kSource + "/scripts/install-npm-tool", "gitlab-ci-local@4.60.0", "gitlab-ci-local/src/schema/schema.js",
                         tools.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return (tools / "node_modules").string();
}

TEST(GitlabTemplate, ValidatesAgainstGitlabsCiSchema) {
  const std::string modules = InstallGitlabCiSchema();
  const std::string check = kSource + "/tests/support/gitlab_ci_schema.mjs";
  RunResult ok = testing::Run({"node", check, modules, kSource + "/examples/gitlab/cohortguard.gitlab-ci.yml"});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  // The check can fail: a misspelt job key, and an artifacts:when GitLab does not know.
  TempDir dir;
  auto bad = dir.Write("bad.yml", "job:\n  script: [cohortguard scan .]\n  artifacts:\n    when: sometimes\n  rulez: []\n");
  RunResult r = testing::Run({"node", check, modules, bad.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("/job/artifacts/when"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("additional properties"), std::string::npos) << r.out;
}

TEST(GitlabTemplate, JobUploadsBothReportsAlwaysAndReadsTheWholeHistory) {
  YAML::Node ci = YAML::LoadFile(kSource + "/examples/gitlab/cohortguard.gitlab-ci.yml");
  YAML::Node job = ci["cohortguard"];
  ASSERT_TRUE(job.IsMap());
  EXPECT_EQ(job["variables"]["GIT_DEPTH"].as<std::string>(), "0");
  EXPECT_EQ(job["artifacts"]["when"].as<std::string>(), "always") << "reports are uploaded when findings fail the job";
  EXPECT_EQ(job["artifacts"]["reports"]["secret_detection"].as<std::string>(), "gl-secret-detection-report.json");
  std::set<std::string> paths;
  for (const auto& p : job["artifacts"]["paths"]) paths.insert(p.as<std::string>());
  EXPECT_TRUE(paths.count("gl-secret-detection-report.json") && paths.count("cohortguard.sarif"));
  // GitLab's job keywords only: a misspelt one is a pipeline error.
  static const std::set<std::string> keywords = {"stage", "image", "variables", "before_script", "script", "artifacts",
                                                 "rules", "needs", "tags", "allow_failure", "after_script"};
  for (const auto& k : job) EXPECT_TRUE(keywords.count(k.first.as<std::string>())) << k.first.as<std::string>();
  std::string version = testing::Cohortguard({"version"}).out;
  EXPECT_EQ("cohortguard " + job["variables"]["COHORTGUARD_VERSION"].as<std::string>() + "\n", version);
}

// The job's script (not its before_script, which downloads the release) in a clone GitLab would
// make, with the variables GitLab sets, on a push, a merge request and a new branch.
class GitlabJobScript : public ::testing::Test {
 protected:
  void SetUp() override {
    base = testing::StudyRepoWithExtractInHistory(dir);
    ASSERT_EQ(base.size(), 40u);
    YAML::Node job = YAML::LoadFile(kSource + "/examples/gitlab/cohortguard.gitlab-ci.yml")["cohortguard"];
    for (const auto& line : job["script"]) script += line.as<std::string>() + "\n";
    for (const auto& var : job["variables"]) vars.push_back(var.first.as<std::string>() + "=" + var.second.as<std::string>());
  }
  std::string repo() const { return dir.str() + "/repo"; }
  std::string Head() {
    std::string h = Git({"rev-parse", "HEAD"}, repo()).out;
    return h.substr(0, h.size() - 1);
  }
  RunResult Job(const std::vector<std::string>& env) {
    fs::remove(repo() + "/gl-secret-detection-report.json");
    fs::remove(repo() + "/cohortguard.sarif");
    std::vector<std::string> argv = {"env", "PATH=" + fs::path(COHORTGUARD_BINARY).parent_path().string() + ":" +
                                                std::getenv("PATH"),
                                     "CI_COMMIT_SHA=" + Head()};
    argv.insert(argv.end(), vars.begin(), vars.end());
    argv.insert(argv.end(), env.begin(), env.end());
    argv.insert(argv.end(), {"sh", "-ec", script});
    return testing::Run(argv, repo());
  }
  std::string Report() {
    std::ifstream in(repo() + "/gl-secret-detection-report.json");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  TempDir dir;
  std::string base, script;
  std::vector<std::string> vars;
};

TEST_F(GitlabJobScript, PushMergeRequestAndNewBranchFindTheExtractInHistory) {
  for (const auto& env : std::vector<std::vector<std::string>>{
           {"CI_COMMIT_BEFORE_SHA=" + base},
           {"CI_MERGE_REQUEST_DIFF_BASE_SHA=" + base},
           {"CI_COMMIT_BEFORE_SHA=0000000000000000000000000000000000000000"}}) {
    SCOPED_TRACE(env[0]);
    RunResult r = Job(env);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    std::string report = Report();
    ASSERT_FALSE(report.empty());
    EXPECT_EQ(Join(SchemaViolations(json::parse(report))), "");
    EXPECT_NE(report.find("ukbiobank.main-dataset"), std::string::npos);
    EXPECT_NE(report.find("\"sha\": \"" + Head().substr(0, 0)), std::string::npos);
    EXPECT_TRUE(fs::exists(repo() + "/cohortguard.sarif")) << "the SARIF artefact is written too";
  }
  // A push of a clean commit on top passes.
  std::string before = Head();
  dir.Write("repo/README.md", "study code\n");
  Git({"add", "."}, repo());
  Git({"commit", "-q", "-m", "readme"}, repo());
  RunResult r = Job({"CI_COMMIT_BEFORE_SHA=" + before});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(json::parse(Report())["vulnerabilities"].size(), 0u);
}

}  // namespace
}  // namespace cg
