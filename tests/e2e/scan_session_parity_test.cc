// One configuration, one blocking set, wherever it is applied: `scan`, the three hooks run by
// the real git, `scan --history` and `sweep --config` (engine/scan_session is the one
// implementation behind all of them).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace cg {
namespace {

using testing::Cohortguard;
using testing::Git;
using testing::RunResult;
using testing::TempDir;

// Decides blocking by severity (fail_on: high), a disabled rule, and an allowlist entry.
constexpr const char* kPolicy =
    "fail_on: high\n"
    "remotes:\n"
    "  fail_on: {public: high}\n"
    "rules:\n"
    "  disable: [secrets.aws-access-key-id]\n"
    "allowlist:\n"
    "  - path: 'fixtures/**'\n"
    "    reason: synthetic extract made by the tests\n";

const std::set<std::string> kExpected = {"config/settings.py secrets.github-token",
                                         "data/ukb.csv ukbiobank.main-dataset"};

// "path rule" for each finding of a text report (the hooks print their blocking findings so).
std::set<std::string> FromText(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string line, path;
  static const std::regex kFinding("^  (HIGH|MEDIUM|LOW|INFO) +(\\S+)");
  while (std::getline(in, line)) {
    if (line.rfind("remote: ", 0) == 0) line = line.substr(8);  // pre-receive output, relayed by git
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    std::smatch m;
    if (std::regex_search(line, m, kFinding)) out.insert(path + " " + m[2].str());
    else if (!line.empty() && line[0] != ' ' && line.rfind("cohortguard:", 0) != 0)
      path = line.substr(0, line.find(" (commit "));  // git sources name the commit after the path
  }
  return out;
}

// "path rule" for each finding of a JSON report at or above `high`.
std::set<std::string> FromJson(const std::string& json) {
  std::set<std::string> out;
  static const std::regex kFinding(
      "\"rule\": \"([^\"]+)\",\\s*\"category\": \"[^\"]*\",\\s*\"severity\": \"([a-z]+)\"[^{}]*?\"path\": \"([^\"]+)\"");
  for (std::sregex_iterator it(json.begin(), json.end(), kFinding), end; it != end; ++it)
    if ((*it)[2] == "high") out.insert((*it)[3].str() + " " + (*it)[1].str());
  return out;
}

std::string Ukb(int rows, unsigned seed) { return testing::UkbExtract(rows, 3, seed); }

struct ParityFixture {
  TempDir dir;
  std::string work, server, policy;
  ParityFixture() {
    work = dir.str() + "/work";
    server = dir.str() + "/server.git";
    policy = dir.Write("operator/policy.yaml", kPolicy).string();
    EXPECT_EQ(Git({"init", "-q", "--bare", server}, dir.str()).exit_code, 0);
    EXPECT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
    EXPECT_EQ(Cohortguard({"hook", "install"}, work).exit_code, 0);
    EXPECT_EQ(Cohortguard({"hook", "install", "--pre-receive"}, server).exit_code, 0);
    Git({"config", "cohortguard.config", policy}, server);
    dir.Write("work/.cohortguard.yaml", kPolicy);
    dir.Write("work/.git/info/exclude", ".cohortguard.yaml\n");
    dir.Write("work/data/ukb.csv", Ukb(300, 1));               // high: blocks
    dir.Write("work/fixtures/synthetic.csv", Ukb(300, 2));     // allowlisted
    dir.Write("work/small/counts.csv", Ukb(15, 3));            // medium: below fail_on
    dir.Write("work/config/settings.py",                       // the AWS rule is disabled
              "AWS_ACCESS_KEY_ID = 'AKIAUJZDE8GXD6NCF10E'\n"
              "GITHUB_TOKEN = 'ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh'\n");
    EXPECT_EQ(Git({"add", "-A"}, work).exit_code, 0);
  }
};

TEST(ScanSessionParity, SameConfigSameBlockingSetFromScanEveryHookAndSweep) {
  ParityFixture fx;
  RunResult scan = Cohortguard({"scan", ".", "--format", "json"}, fx.work);
  EXPECT_EQ(scan.exit_code, 1) << scan.err;
  EXPECT_EQ(FromJson(scan.out), kExpected) << scan.out;

  RunResult commit = Git({"commit", "-q", "-m", "data"}, fx.work);
  EXPECT_EQ(commit.exit_code, 1) << commit.err;
  EXPECT_EQ(FromText(commit.err), kExpected) << "pre-commit: " << commit.err;
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "data"}, fx.work).exit_code, 0);

  // pre-push to a public URL (rewritten to a local bare repository).
  const std::string public_url = "https://github.com/lab/study.git";
  Git({"config", "url." + fx.server + ".insteadOf", public_url}, fx.work);
  Git({"remote", "add", "origin", public_url}, fx.work);
  RunResult push = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(push.exit_code, 0);
  EXPECT_EQ(FromText(push.err), kExpected) << "pre-push: " << push.err;

  // pre-receive, reached past a private remote (a local path: nothing blocks client-side).
  Git({"remote", "add", "server", fx.server}, fx.work);
  RunResult receive = Git({"push", "server", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(receive.exit_code, 0);
  EXPECT_NE(receive.err.find("pre-receive hook declined"), std::string::npos) << receive.err;
  EXPECT_EQ(FromText(receive.err), kExpected) << "pre-receive: " << receive.err;

  // sweep --config over a mirror of the repository, and scan --history of that mirror.
  const std::string mirrors = fx.dir.str() + "/mirrors";
  ASSERT_EQ(Git({"clone", "-q", "--mirror", fx.work, mirrors + "/lab/study.git"}, fx.dir.str()).exit_code, 0);
  RunResult history = Cohortguard({"scan", "--history", mirrors + "/lab/study.git", "--config", fx.policy, "-f", "json"});
  EXPECT_EQ(history.exit_code, 1) << history.err;
  EXPECT_EQ(FromJson(history.out), kExpected) << history.out;
  RunResult sweep = Cohortguard({"sweep", mirrors, "--config", fx.policy, "-f", "json"});
  EXPECT_EQ(sweep.exit_code, 1) << sweep.err;
  EXPECT_EQ(FromJson(sweep.out), kExpected) << sweep.out;
  EXPECT_EQ(FromJson(sweep.out), FromJson(history.out));
  EXPECT_NE(sweep.out.find("\"suppressed\": 1"), std::string::npos) << "the allowlisted fixture: " << sweep.out;
}

TEST(ScanSessionParity, SweepReadsTheUserDefaultsAndNeverAConfigInsideAMirror) {
  ParityFixture fx;
  ASSERT_EQ(Git({"add", "-f", ".cohortguard.yaml"}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "data and its own permissive config"}, fx.work).exit_code, 0);
  const std::string mirrors = fx.dir.str() + "/mirrors";
  ASSERT_EQ(Git({"clone", "-q", "--mirror", fx.work, mirrors + "/lab/study.git"}, fx.dir.str()).exit_code, 0);

  // No configuration: the built-in policy (medium blocks, every rule on, nothing allowlisted).
  RunResult plain = Cohortguard({"sweep", mirrors, "--state", fx.dir.str() + "/plain.sqlite", "-f", "json"});
  EXPECT_EQ(plain.exit_code, 1) << plain.err;
  EXPECT_NE(plain.out.find("secrets.aws-access-key-id"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("fixtures/synthetic.csv"), std::string::npos) << plain.out;

  // The organisation's policy as the sweeping account's user defaults.
  fx.dir.Write("xdg/cohortguard/config.yaml", kPolicy);
  RunResult user = testing::Run({"env", "XDG_CONFIG_HOME=" + fx.dir.str() + "/xdg", COHORTGUARD_BINARY, "sweep", mirrors,
                        "--state", fx.dir.str() + "/user.sqlite", "-f", "json"});
  EXPECT_EQ(user.exit_code, 1) << user.err;
  EXPECT_EQ(FromJson(user.out), kExpected) << user.out;
  EXPECT_EQ(user.out.find("secrets.aws-access-key-id"), std::string::npos) << user.out;

  // A bad --config is a usage error that names the file and line.
  fx.dir.Write("bad.yaml", "fail_on: sometimes\n");
  RunResult bad = Cohortguard({"sweep", mirrors, "--config", fx.dir.str() + "/bad.yaml"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.yaml:1"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace cg
