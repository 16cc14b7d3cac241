// Pre-receive decides on the server's terms: the pusher's inline markers and files do not
// count unless the server's config says so, findings made before the time budget ran out still
// refuse the push, and the hook works where hosting servers put it (pre-receive.d dispatchers).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <random>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::Git;
using testing::Rev;
using testing::RunResult;
using testing::ServerFixture;

std::string Marked(int rows) {
  std::string t = testing::UkbExtract(rows);
  t.insert(t.find('\n'), "  # cohortguard:allow synthetic");
  return t;
}

TEST(PreReceiveTrust, InlineMarkersInThePushDoNotCountUnlessTheServerSaysSo) {
  ServerFixture fx;
  RunResult r = fx.CommitAndPush("data/ukb.csv", Marked(300));
  EXPECT_NE(r.exit_code, 0) << "a comment in the pushed file must not get it accepted: " << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("put 'cohortguard:allow'"), std::string::npos) << "no hint to add a marker: " << r.err;
  EXPECT_EQ(Rev("main", fx.server), "");
  // The server's own config may trust markers (a server for one team's own repositories).
  fx.dir.Write("server.git/cohortguard.yaml", "inline_allow: true\n");
  Git({"config", "cohortguard.config", "cohortguard.yaml"}, fx.server);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("by inline cohortguard:allow"), std::string::npos) << r.err;
}

// A text file dense with credential-shaped lines: each one is checked, so it takes seconds.
std::string SlowToScan(int lines) {
  std::mt19937 rng(3);
  const char* alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string out;
  for (int i = 0; i < lines; ++i) {
    out += "password = \"";
    for (int k = 0; k < 20; ++k) out += alphabet[rng() % 62];
    out += "\" token=ghp_";
    for (int k = 0; k < 36; ++k) out += alphabet[rng() % 52];
    out += "\n";
  }
  return out;
}

TEST(PreReceiveTrust, OnTimeoutAllowStillRefusesWhatWasFoundBeforeTheDeadline) {
  ServerFixture fx;
  Git({"config", "cohortguard.timeout", "2"}, fx.server);
  Git({"config", "cohortguard.onTimeout", "allow"}, fx.server);
  // The extract comes first (oldest commit first) and is found at once; the second commit
  // takes far longer than the budget to read.
  fx.dir.Write("work/data/ukb.csv", testing::UkbExtract(300));
  Git({"add", "data/ukb.csv"}, fx.work);
  Git({"commit", "-q", "-m", "extract"}, fx.work);
  RunResult r = fx.CommitAndPush("logs/slow.txt", SlowToScan(300000));
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("found before the 2 s time budget ran out"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("UNSCANNED"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), "");
}

// GitLab (custom_hooks/pre-receive.d), Gitea and Forgejo (hooks/pre-receive.d) run every
// executable in a folder with the same stdin; the shipped shim works as one of them.
TEST(PreReceiveTrust, ShimRunsFromAPreReceiveDFolderAsGitLabAndGiteaRunIt) {
  testing::TempDir dir;
  std::string server = dir.str() + "/server.git", work = dir.str() + "/work";
  ASSERT_EQ(Git({"init", "-q", "--bare", server}, dir.str()).exit_code, 0);
  ASSERT_EQ(testing::Cohortguard({"hook", "install", "--pre-receive"}, server).exit_code, 0);
  ASSERT_EQ(rename((server + "/hooks/pre-receive").c_str(), (server + "/custom_hooks.tmp").c_str()), 0);
  dir.Write("server.git/custom_hooks/pre-receive.d/50-cohortguard", testing::Run({"cat", server + "/custom_hooks.tmp"}).out);
  dir.Write("server.git/custom_hooks/pre-receive.d/90-other", "#!/bin/sh\ncat > \"$GIT_DIR/other-saw-stdin\"\n");
  // The dispatcher, as the hosting servers write it: every hook in order, same stdin, first
  // failure wins.
  dir.Write("server.git/hooks/pre-receive",
            "#!/bin/sh\nin=$(cat)\nfor h in \"$GIT_DIR\"/custom_hooks/pre-receive.d/*; do\n"
            "  [ -x \"$h\" ] || continue\n  printf '%s\\n' \"$in\" | \"$h\" || exit 1\ndone\n");
  for (const char* f : {"hooks/pre-receive", "custom_hooks/pre-receive.d/50-cohortguard", "custom_hooks/pre-receive.d/90-other"})
    chmod((server + "/" + f).c_str(), 0755);
  ASSERT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
  Git({"remote", "add", "origin", server}, work);
  dir.Write("work/README.md", "# study\n");
  Git({"add", "README.md"}, work);
  Git({"commit", "-q", "-m", "readme"}, work);
  RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, work);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(testing::Run({"cat", server + "/other-saw-stdin"}).out.find("refs/heads/main"), std::string::npos)
      << "the next hook still gets the ref lines";
  dir.Write("work/data/ukb.csv", testing::UkbExtract(300));
  Git({"add", "data/ukb.csv"}, work);
  Git({"commit", "-q", "-m", "extract"}, work);
  std::string main = Rev("main", server);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", server), main);
}

// GitHub Enterprise Server stops a pre-receive hook after 5 s: the README's budget (4 s,
// failing closed) refuses an extract well inside it and says nothing about time.
TEST(PreReceiveTrust, GithubEnterpriseBudgetOfFourSecondsRefusesAnExtractInTime) {
  ServerFixture fx;
  Git({"config", "cohortguard.timeout", "4"}, fx.server);
  RunResult r = fx.CommitAndPush("data/ukb.csv", testing::UkbExtract(300));
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("did not finish"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), "");
}

}  // namespace
}  // namespace cg
