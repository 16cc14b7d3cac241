// Whole-program tests of the hooks, installed into real repositories and run by the real git.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::Cohortguard;
using testing::Git;
using testing::RunResult;
using testing::TempDir;
using testing::Fixture;
using testing::PushFixture;
using testing::Rev;
using testing::ServerFixture;
namespace fs = std::filesystem;

TEST(PreCommitHook, RefusesUkbExtractAndLeavesIndexAndTreeAsTheyWere) {
  Fixture fx;
  std::string head = Rev("HEAD", fx.work);
  RunResult r = fx.Commit("data/ukb12345.csv", testing::UkbExtract(300));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("data/ukb12345.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("git rm --cached -- 'data/ukb12345.csv'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(".gitignore"), std::string::npos);
  EXPECT_NE(r.err.find("allowlist"), std::string::npos);
  EXPECT_EQ(Rev("HEAD", fx.work), head) << "the commit must not happen";
  EXPECT_EQ(Git({"status", "--porcelain"}, fx.work).out, "A  data/ukb12345.csv\n") << "the index is untouched";
}

TEST(PreCommitHook, CleanCommitPasses) {
  Fixture fx;
  RunResult r = fx.Commit("results/gwas.tsv", testing::GwasSummaryStats(2000));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = fx.Commit("analysis/load.py", "import pandas as pd\ndf = pd.read_csv('ukb.csv', usecols=['eid', '31-0.0'])\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Git({"rev-list", "--count", "HEAD"}, fx.work).out, "3\n");
}

TEST(PreCommitHook, CommitAllSeesTheTemporaryIndexGitHandsTheHook) {
  Fixture fx;
  ASSERT_EQ(fx.Commit("notes.txt", "some notes\n").exit_code, 0);
  fx.Write("notes.txt", testing::UkbExtract(200));
  std::string head = Rev("HEAD", fx.work);
  RunResult r = Git({"commit", "-q", "-a", "-m", "update notes"}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << "git commit -a stages into a temporary index: " << r.err;
  EXPECT_EQ(Rev("HEAD", fx.work), head);
  r = Git({"commit", "-q", "-m", "only notes", "notes.txt"}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << "git commit PATH uses a temporary index too: " << r.err;
}

TEST(PreCommitHook, FailOnFromConfigurationRaisesTheThreshold) {
  Fixture fx;
  // A 15-row table is at most medium: blocked by default, let through at fail_on: high.
  fx.Write(".cohortguard.yaml", "fail_on: high\n");
  RunResult r = fx.Commit("small/ukb1.csv", testing::UkbExtract(15));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  fx.Write(".cohortguard.yaml", "fail_on: medium\n");
  r = fx.Commit("small/ukb2.csv", testing::UkbExtract(15, 3, 2));
  EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST(HookInstall, RefusesForeignHookUnlessForcedThenChainsIt) {
  TempDir dir;
  ASSERT_EQ(Git({"init", "-q", "."}, dir.str()).exit_code, 0);
  dir.Write(".git/hooks/pre-commit", "#!/bin/sh\necho foreign-ran >> \"$(git rev-parse --git-dir)/../foreign.log\"\n");
  chmod((dir.path() / ".git/hooks/pre-commit").c_str(), 0755);
  RunResult r = Cohortguard({"hook", "install", "--pre-commit"}, dir.str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  r = Cohortguard({"hook", "install", "--pre-commit", "--force"}, dir.str());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / ".git/hooks/pre-commit.cohortguard-chained"));
  // Installing again updates our own shim without touching the chained hook.
  EXPECT_EQ(Cohortguard({"hook", "install", "--pre-commit"}, dir.str()).exit_code, 0);

  dir.Write("a.txt", "hello\n");
  Git({"add", "a.txt"}, dir.str());
  EXPECT_EQ(Git({"commit", "-q", "-m", "a"}, dir.str()).exit_code, 0);
  EXPECT_EQ(testing::Run({"cat", "foreign.log"}, dir.str()).out, "foreign-ran\n");
  dir.Write("ukb.csv", testing::UkbExtract(100));
  Git({"add", "ukb.csv"}, dir.str());
  EXPECT_EQ(Git({"commit", "-q", "-m", "b"}, dir.str()).exit_code, 1);
  EXPECT_EQ(testing::Run({"cat", "foreign.log"}, dir.str()).out, "foreign-ran\n") << "blocked before the chained hook";
}

TEST(HookInstall, RespectsCoreHooksPath) {
  TempDir dir;
  ASSERT_EQ(Git({"init", "-q", "."}, dir.str()).exit_code, 0);
  ASSERT_EQ(Git({"config", "core.hooksPath", "githooks"}, dir.str()).exit_code, 0);
  RunResult r = Cohortguard({"hook", "install"}, dir.str());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "githooks/pre-commit"));
  EXPECT_TRUE(fs::exists(dir.path() / "githooks/pre-push"));
  EXPECT_FALSE(fs::exists(dir.path() / ".git/hooks/pre-commit"));
  dir.Write("ukb.csv", testing::UkbExtract(100));
  Git({"add", "ukb.csv"}, dir.str());
  EXPECT_EQ(Git({"commit", "-q", "-m", "b"}, dir.str()).exit_code, 1);
}

TEST(HookInstall, ShimsInHooksFolderMatchWhatInstallWrites) {
  TempDir dir;
  ASSERT_EQ(Git({"init", "-q", "."}, dir.str()).exit_code, 0);
  ASSERT_EQ(Cohortguard({"hook", "install", "--pre-commit", "--pre-push", "--pre-receive"}, dir.str()).exit_code, 0);
  for (const char* hook : {"pre-commit", "pre-push", "pre-receive"}) {
    std::string installed = testing::Run({"cat", ".git/hooks/" + std::string(hook)}, dir.str()).out;
    std::string shipped = testing::Run({"cat", std::string(COHORTGUARD_SOURCE_DIR) + "/hooks/" + hook}).out;
    // Identical but for the binary the installed one names.
    size_t at = installed.find(COHORTGUARD_BINARY);
    ASSERT_NE(at, std::string::npos) << hook;
    installed.replace(at, std::string(COHORTGUARD_BINARY).size(), "cohortguard");
    EXPECT_EQ(installed, shipped) << hook << ": regenerate hooks/ (see README)";
  }
}

TEST(PrePushHook, PublicRemoteRefusesHistoryThatCarriedDataEvenAfterItWasRemoved) {
  PushFixture fx;
  RunResult r = Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, fx.work);
  ASSERT_EQ(r.exit_code, 0) << "a clean push is allowed: " << r.err;
  EXPECT_NE(r.err.find("is public"), std::string::npos) << r.err;
  std::string on_server = Rev("main", fx.server);

  ASSERT_EQ(fx.Commit("data/ukb12345.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  ASSERT_EQ(Git({"rm", "-q", "--cached", "data/ukb12345.csv"}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"commit", "-q", "-m", "remove the extract"}, fx.work).exit_code, 0);
  std::string status = Git({"status", "--porcelain"}, fx.work).out;
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("rebase -i"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), on_server) << "the server keeps no ref update";
  EXPECT_EQ(Git({"status", "--porcelain"}, fx.work).out, status) << "the hook changed nothing";

  // A new branch and a tag carrying the same history are refused too.
  r = Git({"push", "origin", "HEAD:refs/heads/other"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  Git({"tag", "-a", "-m", "v1", "v1"}, fx.work);
  r = Git({"push", "origin", "v1"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_EQ(Rev("other", fx.server), "");
  EXPECT_EQ(Rev("v1", fx.server), "");
}

TEST(PrePushHook, PrivateRemoteAndConfiguredPrivatePatternAllowThePush) {
  PushFixture fx;
  ASSERT_EQ(fx.Commit("data/ukb12345.csv", testing::UkbExtract(300), false).exit_code, 0);
  // A plain local path is private.
  Git({"remote", "add", "backup", fx.server}, fx.work);
  RunResult r = Git({"push", "-q", "backup", "HEAD:refs/heads/backup"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is private"), std::string::npos) << r.err;
  // The github.com remote is public until the configuration says this repository is private.
  r = Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  fx.Write(".cohortguard.yaml", "remotes:\n  private: ['github.com/lab/*']\n");
  r = Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(Rev("main", fx.server), "");
}

TEST(PrePushHook, PublicPatternOnALocalPathAndDeletionsAreHandled) {
  Fixture fx;
  fx.Write(".cohortguard.yaml", "remotes:\n  public: ['**/server.git']\n");
  Git({"remote", "add", "origin", fx.server}, fx.work);
  ASSERT_EQ(Git({"push", "-q", "origin", "HEAD:refs/heads/main", "HEAD:refs/heads/topic"}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("ukb.csv", testing::UkbExtract(300), false).exit_code, 0);
  EXPECT_NE(Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, fx.work).exit_code, 0);
  // Deleting a branch sends no content.
  RunResult r = Git({"push", "-q", "origin", ":refs/heads/topic"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(PrePushHook, ForcePushScansOnlyWhatTheRemoteLacks) {
  PushFixture fx;
  ASSERT_EQ(fx.Commit("a.txt", "one\n").exit_code, 0);
  ASSERT_EQ(Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, fx.work).exit_code, 0);
  // Rewrite the tip with a leak: a force push carries it.
  ASSERT_EQ(Git({"reset", "-q", "--hard", "HEAD~1"}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("ukb.csv", testing::UkbExtract(300), false).exit_code, 0);
  EXPECT_NE(Git({"push", "-q", "--force", "origin", "HEAD:refs/heads/main"}, fx.work).exit_code, 0);
  // Rewrite again, cleanly: allowed.
  ASSERT_EQ(Git({"reset", "-q", "--hard", "HEAD~1"}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("b.txt", "two\n").exit_code, 0);
  RunResult r = Git({"push", "-q", "--force", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(PreReceiveHook, RefusesDataInQuarantinedObjectsAndKeepsNoRefUpdate) {
  ServerFixture fx;
  RunResult r = fx.CommitAndPush("README.md", "# hello\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string main = Rev("main", fx.server);
  r = fx.CommitAndPush("data/ukb.csv", testing::UkbExtract(300));
  EXPECT_NE(r.exit_code, 0);
  // The finding proves the hook read the quarantined blobs (an unreadable one would be an error).
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pre-receive hook declined"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), main);
  // The same leak removed in a later commit is still refused: the history goes to the server.
  Git({"rm", "-q", "data/ukb.csv"}, fx.work);
  Git({"commit", "-q", "-m", "remove"}, fx.work);
  EXPECT_NE(Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work).exit_code, 0);
  EXPECT_EQ(Rev("main", fx.server), main);
}

TEST(PreReceiveHook, TimeBudgetFailsClosedOrOpenAsConfiguredAndSaysWhich) {
  ServerFixture fx;
  Git({"config", "cohortguard.timeout", "0.001"}, fx.server);
  fx.dir.Write("work/big.csv", testing::GwasSummaryStats(200000));
  RunResult r = fx.CommitAndPush("big.csv", testing::GwasSummaryStats(200000));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("fails closed"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), "");
  Git({"config", "cohortguard.onTimeout", "allow"}, fx.server);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("UNSCANNED"), std::string::npos) << r.err;
}

// The hooks apply the same configuration and suppression (allowlist, inline cohortguard:allow,
// expiry) as `cohortguard scan`.
constexpr const char* kAllowFixtures =
    "allowlist:\n"
    "  - path: 'fixtures/**'\n"
    "    reason: synthetic extracts generated by tests/make_fixtures.py\n";

TEST(HookPolicy, PreCommitLetsAllowlistedSyntheticExtractThroughAndRefusesOthers) {
  Fixture repo;
  ASSERT_EQ(repo.Commit(".cohortguard.yaml", kAllowFixtures).exit_code, 0);
  RunResult r = repo.Commit("fixtures/ukb_synthetic.csv", testing::UkbExtract(300));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("suppressed, not blocking: 1 by allowlist"), std::string::npos) << r.err;
  r = repo.Commit("data/ukb12345.csv", testing::UkbExtract(300, 3, 2));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("data/ukb12345.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("- path: 'data/ukb12345.csv'"), std::string::npos) << "the hint shows the entry: " << r.err;
  EXPECT_EQ(Git({"rev-list", "--count", "HEAD"}, repo.work).out, "3\n");
}

TEST(HookPolicy, PreCommitHonoursInlineAllowMarker) {
  Fixture repo;
  std::string marked = testing::UkbExtract(200);
  marked.insert(marked.find('\n'), "  # cohortguard:allow synthetic");
  RunResult r = repo.Commit("data/ukb_marked.csv", marked);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("by inline cohortguard:allow"), std::string::npos) << "[" << r.err << "]";
  r = repo.Commit("data/ukb_plain.csv", testing::UkbExtract(200, 3, 2));
  EXPECT_EQ(r.exit_code, 1) << "no marker, no pass: " << r.err;
}

TEST(HookPolicy, ExpiredAllowlistEntryBlocksAgainAndSaysSo) {
  Fixture repo;
  ASSERT_EQ(repo.Commit(".cohortguard.yaml", std::string(kAllowFixtures) + "    expires: 2020-01-31\n").exit_code, 0);
  RunResult r = repo.Commit("fixtures/ukb_synthetic.csv", testing::UkbExtract(300));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("expired on 2020-01-31"), std::string::npos) << r.err;
}

TEST(HookPolicy, PushOfAllowlistedFileToPublicRemotePasses) {
  PushFixture repo;
  ASSERT_EQ(repo.Commit(".cohortguard.yaml", kAllowFixtures).exit_code, 0);
  ASSERT_EQ(repo.Commit("fixtures/ukb_synthetic.csv", testing::UkbExtract(300)).exit_code, 0);
  RunResult r = Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, repo.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is public"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("by allowlist"), std::string::npos) << r.err;
  // A commit that slipped past the pre-commit hook with a real extract is still refused.
  ASSERT_EQ(repo.Commit("data/ukb.csv", testing::UkbExtract(300, 3, 2), /*verify=*/false).exit_code, 0);
  r = Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, repo.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("data/ukb.csv"), std::string::npos) << r.err;
}

TEST(HookPolicy, RemotesSectionIsCheckedByTheOneLoaderAndShownByConfigShow) {
  Fixture repo;
  repo.Write(".cohortguard.yaml", "remotes:\n  private: ['github.com/lab/*']\n  fail_on:\n    public: low\n");
  RunResult r = Cohortguard({"config", "show"}, repo.work);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("remotes:  # "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(".cohortguard.yaml:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    - 'github.com/lab/*'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    public: low"), std::string::npos) << r.out;
  r = Cohortguard({"remote", "classify", "https://github.com/lab/x.git"}, repo.work);
  EXPECT_EQ(r.out.rfind("private", 0), 0u) << r.out;
  // A bad remotes key is an error for scan and hooks alike, naming file and line.
  repo.Write(".cohortguard.yaml", "fail_on: high\nremotes:\n  fail_on:\n    public: sometimes\n");
  r = Cohortguard({"scan", "README.md"}, repo.work);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".cohortguard.yaml:4: remotes.fail_on.public"), std::string::npos) << r.err;
  r = repo.Commit("notes.txt", "notes\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find(".cohortguard.yaml:4: remotes.fail_on.public"), std::string::npos) << r.err;
}

TEST(HookPolicy, PreReceiveAppliesTheServersConfigNotThePushedOne) {
  ServerFixture fx;
  // The pushed commit allowlists itself: the server ignores that.
  fx.dir.Write("work/.cohortguard.yaml", kAllowFixtures);
  Git({"add", ".cohortguard.yaml"}, fx.work);
  RunResult r = fx.CommitAndPush("fixtures/ukb_synthetic.csv", testing::UkbExtract(300));
  EXPECT_NE(r.exit_code, 0) << r.err;
  // The server's own file (relative to the repository) does allow it.
  fx.dir.Write("server.git/cohortguard.yaml", kAllowFixtures);
  Git({"config", "cohortguard.config", "cohortguard.yaml"}, fx.server);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("by allowlist"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cg
