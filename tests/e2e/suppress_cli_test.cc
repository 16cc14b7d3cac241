// Whole-program tests for secrets and suppression: the built binary on generated folders.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::TempDir;

// Random strings in the shape of real credentials; not real.
const std::string kGithub = "ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh";
const std::string kAwsId = "AKIAUJZDE8GXD6NCF10E";

json Scan(const std::vector<std::string>& extra, const std::string& cwd, int* code, std::string* err = nullptr) {
  std::vector<std::string> args{"scan", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = Cohortguard(args, cwd);
  *code = r.exit_code;
  if (err) *err = r.err;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

TEST(SecretsCli, SecretIsReportedMaskedAndNeverPrinted) {
  TempDir dir;
  dir.Write("deploy/env.sh", "#!/bin/sh\nexport GITHUB_TOKEN=" + kGithub + "\n");
  for (const char* fmt : {"json", "text"}) {
    auto r = Cohortguard({"scan", "--format", fmt, "--explain", "."}, dir.str());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out.find(kGithub.substr(4)), std::string::npos) << fmt << " leaks the secret";
    EXPECT_NE(r.out.find("ghp_****"), std::string::npos) << r.out;
  }
  int code;
  json j = Scan({"."}, dir.str(), &code);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["rule"], "secrets.github-token");
  EXPECT_EQ(j["findings"][0]["category"], "secret");
  EXPECT_EQ(j["findings"][0]["path"], "deploy/env.sh");
  EXPECT_EQ(j["findings"][0]["line"], 2);
}

TEST(SecretsCli, InlineAllowSuppressesAndIsCountedAndShown) {
  TempDir dir;
  dir.Write("a.py", "TOKEN = '" + kGithub + "'  # cohortguard:allow revoked test token\nKEY = '" + kAwsId + "'\n");
  int code;
  json j = Scan({"."}, dir.str(), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["rule"], "secrets.aws-access-key-id");
  EXPECT_EQ(j["stats"]["suppressed"], 1);
  EXPECT_FALSE(j.contains("suppressed"));
  j = Scan({"--show-suppressed", "."}, dir.str(), &code);
  ASSERT_EQ(j["suppressed"].size(), 1u);
  EXPECT_EQ(j["suppressed"][0]["rule"], "secrets.github-token");
  EXPECT_EQ(j["suppressed"][0]["suppressed_by"], "inline cohortguard:allow on line 1");
  EXPECT_EQ(j.dump().find("revoked test token"), std::string::npos) << "the marked line's text is not copied";
}

TEST(SecretsCli, InlineAllowOnHeaderLineSuppressesTableFinding) {
  TempDir dir;
  std::string data = testing::UkbExtract(200);
  data.insert(data.find('\n'), "  # cohortguard:allow synthetic");
  dir.Write("fixtures/ukb_synthetic.csv", data);
  int code;
  json j = Scan({"--show-suppressed", "."}, dir.str(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  EXPECT_TRUE(j["findings"].empty());
  ASSERT_EQ(j["suppressed"].size(), 1u);
  EXPECT_EQ(j["suppressed"][0]["category"], "participant-data");
}

TEST(SecretsCli, ConfigAllowlistByPathRuleAndBlobWithExpiryWarning) {
  TempDir dir;
  ASSERT_EQ(testing::Git({"init", "-q"}, dir.str()).exit_code, 0);
  dir.Write("tests/fixtures/ukb1.csv", testing::UkbExtract(100));
  dir.Write("docs/key.txt", "aws_access_key_id = " + kAwsId + "\n");
  dir.Write("src/old.env", "GITHUB_TOKEN=" + kGithub + "\n");
  dir.Write("src/blob.env", "SLACK=xoxb-148525388853-9336338750047-qmSM9wCZ7Uw9xfogoEmvnEN5\n");
  auto blob = testing::Git({"hash-object", "src/blob.env"}, dir.str());
  std::string id = blob.out.substr(0, 40);
  dir.Write(".cohortguard.yaml",
            "allowlist:\n"
            "  - path: tests/fixtures/\n    reason: synthetic test data shipped on purpose\n"
            "  - path: docs/**\n    rule: secrets.aws-*\n    reason: documented example\n"
            "  - blob: " + id + "\n    reason: revoked webhook\n"
            "  - path: src/old.env\n    reason: was rotating\n    expires: 2020-01-31\n");
  int code;
  std::string err;
  json j = Scan({"--show-suppressed", "."}, dir.str(), &code, &err);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["path"], "src/old.env") << "expired entries no longer apply";
  EXPECT_EQ(code, 1);
  EXPECT_EQ(j["stats"]["suppressed"], 3);
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_NE(j["warnings"][0].get<std::string>().find(".cohortguard.yaml:9: allowlist entry expired on 2020-01-31"),
            std::string::npos) << j["warnings"][0];
  EXPECT_NE(err.find("expired on 2020-01-31"), std::string::npos) << err;

  // Run from a subfolder: paths in the config stay relative to the top of the work tree.
  auto r = Cohortguard({"scan", "--format", "json", "."}, (dir.path() / "tests").string());
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(SecretsCli, ExplicitConfigAndBadConfigExit2WithFileAndLine) {
  TempDir dir;
  dir.Write("a.env", "GITHUB_TOKEN=" + kGithub + "\n");
  dir.Write("policy.yaml", "fail_on: never\n");
  int code;
  Scan({"--config", "policy.yaml", "a.env"}, dir.str(), &code);
  EXPECT_EQ(code, 0) << "fail_on from the config file";
  Scan({"--config", "policy.yaml", "--fail-on", "high", "a.env"}, dir.str(), &code);
  EXPECT_EQ(code, 1) << "the command line wins over the config file";
  dir.Write(".cohortguard.yaml", "allowlist:\n  - path: a.env\n");
  auto r = Cohortguard({"scan", "a.env"}, dir.str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".cohortguard.yaml:2: allowlist entry needs a 'reason'"), std::string::npos) << r.err;
  EXPECT_EQ(Cohortguard({"scan", "--config", "missing.yaml", "a.env"}, dir.str()).exit_code, 2);
}

TEST(SecretsCli, DisabledRuleDoesNotFire) {
  TempDir dir;
  dir.Write("a.env", "GITHUB_TOKEN=" + kGithub + "\n");
  dir.Write(".cohortguard.yaml", "rules:\n  disable: [secrets.github-token, secrets.generic-secret-assignment]\n");
  int code;
  json j = Scan({"."}, dir.str(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  EXPECT_TRUE(j["findings"].empty());
  dir.Write(".cohortguard.yaml", "rules:\n  disable: [secrets.no-such-rule]\n");
  auto r = Cohortguard({"scan", "."}, dir.str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-rule"), std::string::npos) << r.err;
}

TEST(SecretsCli, BaselineReportsOnlyNewFindingsAcrossALineShift) {
  TempDir dir;
  dir.Write("conf/app.env", "GITHUB_TOKEN=" + kGithub + "\n");
  dir.Write("data/ukb1.csv", testing::UkbExtract(100));
  auto r = Cohortguard({"scan", "--format", "json", "--output", "baseline.json", "conf", "data"}, dir.str());
  ASSERT_EQ(r.exit_code, 1) << r.err;
  // Lines move, an unrelated edit lands, and one new secret appears.
  dir.Write("conf/app.env", "# settings\nDEBUG=1\n\nGITHUB_TOKEN=" + kGithub + "\nAWS_KEY=" + kAwsId + "\n");
  int code;
  json j = Scan({"--baseline", "baseline.json", "conf", "data"}, dir.str(), &code);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["rule"], "secrets.aws-access-key-id");
  EXPECT_EQ(j["findings"][0]["line"], 5);
  EXPECT_EQ(j["stats"]["suppressed"], 2);
  EXPECT_EQ(code, 1);
  dir.Write("bad.json", "{\"findings\": []}");
  auto bad = Cohortguard({"scan", "--baseline", "bad.json", "conf"}, dir.str());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.json: baseline is not a cohortguard JSON report"), std::string::npos) << bad.err;
}

TEST(SecretsCli, RulesTestRunsTheBuiltInAndSourcePacks) {
  auto r = Cohortguard({"rules", "test"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" 0 failure(s)"), std::string::npos) << r.out;
  r = Cohortguard({"rules", "test", std::string(COHORTGUARD_SOURCE_DIR) + "/rules"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  TempDir dir;
  dir.Write("bad.yaml", "pack: t\nsecrets:\n  - id: x\n    title: X\n    pattern: 'ghp_[a-z]{4}'\n"
                        "    examples:\n      match: ['ghp_abcd']\n      no_match: ['ghp_wxyz']\n");
  r = Cohortguard({"rules", "test", "bad.yaml"}, dir.str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad.yaml:8: rule 't.x': example should not match but did"), std::string::npos) << r.out;
}

TEST(SecretsCli, NonSecretsAndPlaceholdersStayQuiet) {
  TempDir dir;
  dir.Write("README.md", "Set `aws_access_key_id = AKIAIOSFODNN7EXAMPLE` and `GITHUB_TOKEN=<YOUR_TOKEN>`.\n"
                         "DATABASE_URL=postgresql://user:password@localhost/db\n");
  dir.Write("settings.py", "PASSWORD = os.environ['PASSWORD']\nTOKEN = '${TOKEN}'\n");
  int code;
  json j = Scan({"."}, dir.str(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

// jsonl writes findings while the scan runs; suppression must apply before they are written.
TEST(SuppressCli, JsonlStreamAppliesAllowlistAndInlineMarkers) {
  testing::TempDir dir;
  dir.Write("data/ukb_allowed.csv", testing::UkbExtract(100, 3, 1));
  std::string marked = testing::UkbExtract(100, 3, 2);
  marked.insert(marked.find('\n'), ",note # cohortguard:allow synthetic");
  dir.Write("data/ukb_marked.csv", marked);
  dir.Write("data/ukb_leak.csv", testing::UkbExtract(100, 3, 3));
  dir.Write(".cohortguard.yaml",
            "allowlist:\n  - path: data/ukb_allowed.csv\n    reason: synthetic fixture shipped on purpose\n");
  auto r = testing::Cohortguard({"scan", "--format", "jsonl", "."}, dir.str());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.find("ukb_allowed.csv"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ukb_marked.csv"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ukb_leak.csv"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cg
