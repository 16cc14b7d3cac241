// Secret fingerprints in reports cannot be used to test a guessed secret offline: they are keyed
// (the user's own key, or a shared key file), and baselines made with the same key stay valid.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "policy/fingerprint.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::RunResult;

constexpr const char* kToken = "ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh";

RunResult ScanJson(const testing::TempDir& dir, const std::vector<std::string>& env, std::vector<std::string> args) {
  std::vector<std::string> argv{"env"};
  argv.insert(argv.end(), env.begin(), env.end());
  argv.push_back(COHORTGUARD_BINARY);
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::Run(argv, dir.str() + "/repo");
}

std::string FingerprintIn(const std::string& json) {
  size_t at = json.find("\"fingerprint\": \"");
  if (at == std::string::npos) return "";
  at += 16;
  return json.substr(at, json.find('"', at) - at);
}

TEST(ReportFingerprint, SecretFingerprintIsKeyedStableAndUselessForGuessing) {
  testing::TempDir dir;
  dir.Write("repo/config.env", std::string("API_TOKEN=\"") + kToken + "\"\n");
  const std::vector<std::string> mine{"XDG_CONFIG_HOME=" + dir.str() + "/xdg"};
  RunResult a = ScanJson(dir, mine, {"scan", "--format", "json", "config.env"});
  ASSERT_EQ(a.exit_code, 1) << a.err;
  const std::string fp = FingerprintIn(a.out);
  ASSERT_EQ(fp.size(), 32u) << a.out;
  // The key was made for this account, readable by it only.
  struct stat st{};
  ASSERT_EQ(stat((dir.str() + "/xdg/cohortguard/fingerprint.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  // A reader who guesses the token cannot confirm the guess from the report (the old,
  // unkeyed hash of rule, path and value is not what it holds).
  EXPECT_NE(fp, Sha256Hex(std::string("secrets.github-token") + '\0' + "config.env" + '\0' + '\0' + kToken, 32));
  EXPECT_EQ(a.out.find(kToken), std::string::npos);

  // Stable: the same key gives the same fingerprint, so a baseline keeps working.
  dir.Write("repo/.cohortguard.yaml", "baseline: baseline.json\n");
  dir.Write("repo/baseline.json", a.out);
  RunResult b = ScanJson(dir, mine, {"scan", "--format", "json", "config.env"});
  EXPECT_EQ(b.exit_code, 0) << "baselined: " << b.out << b.err;

  // Another machine's key (a shared key file) makes other fingerprints: the baseline written
  // under the first key does not hide the secret there (fails closed).
  dir.Write("shared.key", "7f3a9c1e5b7d2f4a6c8e0b1d3f5a7c9e\n");
  const std::vector<std::string> shared{"XDG_CONFIG_HOME=" + dir.str() + "/xdg",
                                        "COHORTGUARD_FINGERPRINT_KEY_FILE=" + dir.str() + "/shared.key"};
  RunResult c = ScanJson(dir, shared, {"scan", "--format", "json", "--config", "/dev/null", "config.env"});
  ASSERT_EQ(c.exit_code, 1) << c.err;
  EXPECT_NE(FingerprintIn(c.out), fp);
  RunResult d = ScanJson(dir, shared, {"scan", "--format", "json", "config.env"});
  EXPECT_EQ(d.exit_code, 1) << "a baseline from another key: " << d.out << d.err;
  // A home where no key can be made (here a file, not a folder; what a container run as the
  // caller's uid has) scans as usual: the value is left out of the fingerprint, which is stable.
  RunResult f = ScanJson(dir, {"XDG_CONFIG_HOME=/dev/null", "HOME=/dev/null"}, {"scan", "--format", "json", "--config", "/dev/null", "config.env"});
  ASSERT_EQ(f.exit_code, 1) << f.err;
  EXPECT_EQ(f.out.find(kToken), std::string::npos);
  EXPECT_EQ(FingerprintIn(f.out).size(), 32u) << f.out;
  EXPECT_NE(FingerprintIn(f.out), fp);
  RunResult g = ScanJson(dir, {"XDG_CONFIG_HOME=/dev/null", "HOME=/dev/null"}, {"scan", "--format", "json", "--config", "/dev/null", "config.env"});
  EXPECT_EQ(FingerprintIn(g.out), FingerprintIn(f.out));
  // A key file that is too short is an error naming it.
  dir.Write("short.key", "abc\n");
  RunResult e = ScanJson(dir, {"COHORTGUARD_FINGERPRINT_KEY_FILE=" + dir.str() + "/short.key"}, {"scan", "config.env"});
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_NE(e.err.find("short.key"), std::string::npos) << e.err;
}

}  // namespace
}  // namespace cg
