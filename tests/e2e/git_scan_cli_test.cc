// Whole-program tests of `cohortguard scan --staged | --range | --history` on real repositories
// built with the git binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::GitTestRepo;
using testing::ShellQuote;

json Scan(const std::vector<std::string>& flags, const std::string& repo, int* exit_code) {
  std::vector<std::string> args{"scan", "--format", "json"};
  args.insert(args.end(), flags.begin(), flags.end());
  args.push_back(repo);
  auto r = Cohortguard(args, repo);
  *exit_code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return r.out.empty() ? json::object() : json::parse(r.out);
}

std::vector<std::string> FlaggedPaths(const json& j) {
  std::vector<std::string> out;
  for (const json& f : j["findings"]) out.push_back(f["path"].is_null() ? "<null>" : f["path"].get<std::string>());
  return out;
}

TEST(GitScanCli, StagedFirstCommitFlagsTheExtractByPath) {
  GitTestRepo repo;
  repo.Write("data/ukb.csv", testing::UkbExtract(300));
  repo.Write("src/analysis.py", "import pandas\n");
  repo.Git("add -A");
  int code;
  json j = Scan({"--staged"}, repo.dir(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  ASSERT_EQ(FlaggedPaths(j), std::vector<std::string>{"data/ukb.csv"}) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["blob"], repo.Git("rev-parse :data/ukb.csv"));
  EXPECT_EQ(j["stats"]["blobs"], 2);
}

TEST(GitScanCli, StagedModificationIsFlaggedButTheUnchangedCommittedFileIsNotRescanned) {
  GitTestRepo repo;
  repo.Write("old.csv", testing::UkbExtract(200, 3, 7));  // already committed: not what this commit adds
  repo.Write("results.csv", "name,n\nbmi,400\n");
  repo.Commit("base");
  repo.Write("results.csv", testing::UkbExtract(250));
  repo.Git("add results.csv");
  int code;
  json j = Scan({"--staged"}, repo.dir(), &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(FlaggedPaths(j), std::vector<std::string>{"results.csv"}) << j.dump(2);
}

TEST(GitScanCli, RangeOfANewBranchFlagsOnlyWhatThePushWouldSend) {
  GitTestRepo repo;
  repo.Write("pushed.csv", testing::UkbExtract(100, 3, 3));
  repo.Commit("base");
  repo.PushToNewOriginAndBranch("feature");
  repo.Write("new/extract.csv", testing::UkbExtract(120));
  std::string c = repo.Commit("extract");
  int code;
  json j = Scan({"--range", "feature --not --remotes=origin"}, repo.dir(), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(FlaggedPaths(j), std::vector<std::string>{"new/extract.csv"}) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["commit"], c);
}

TEST(GitScanCli, RangeFindsAnExtractThatOnlyAMergeIntroduced) {
  GitTestRepo repo;
  std::string base = repo.StartMergeOfSideBranch();
  repo.Write("merged/extract.csv", testing::UkbExtract(150));
  std::string merge = repo.Commit("merge");
  ASSERT_EQ(repo.Git("log -p --format=%H " + base + "..main -- merged/extract.csv"), merge)
      << "git log -p shows no patch for the merge";
  int code;
  json j = Scan({"--range", base + "..main"}, repo.dir(), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(FlaggedPaths(j), std::vector<std::string>{"merged/extract.csv"}) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["commit"], merge);
}

TEST(GitScanCli, HistoryFindsADeletedExtractWithItsCommitAndPathThatAWorktreeScanMisses) {
  GitTestRepo repo;
  repo.Write("src/main.py", "print(1)\n");
  repo.Commit("one");
  repo.Write("tmp/ukb_dump.csv", testing::UkbExtract(400));
  std::string added = repo.Commit("oops");
  repo.Git("rm -q tmp/ukb_dump.csv");
  repo.Commit("remove");
  int code;
  json worktree = Scan({}, repo.dir(), &code);
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(worktree["findings"].empty());
  json j = Scan({"--history"}, repo.dir(), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(FlaggedPaths(j), std::vector<std::string>{"tmp/ukb_dump.csv"}) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["commit"], added);
  EXPECT_EQ(j["findings"][0]["rows"], 400);
}

TEST(GitScanCli, HistoryReportsAnUnreachableBlobByIdWithoutPath) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("one");
  repo.Write("stray.csv", testing::UkbExtract(90));
  std::string blob = repo.Git("hash-object -w stray.csv");
  std::filesystem::remove(repo.dir() + "/stray.csv");
  int code;
  json j = Scan({"--history"}, repo.dir(), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["blob"], blob);
  EXPECT_TRUE(j["findings"][0]["path"].is_null() || j["findings"][0]["path"] == "") << j.dump(2);
  EXPECT_TRUE(j["findings"][0]["commit"].is_null()) << j.dump(2);
}

TEST(GitScanCli, RemovedObjectExits3ListsTheErrorAndStillReportsOtherFindings) {
  GitTestRepo repo;
  repo.Write("data/extract.csv", testing::UkbExtract(200));
  repo.Write("lost.txt", "this blob goes missing\n");
  repo.Commit("one");
  std::string lost = repo.Git("rev-parse HEAD:lost.txt");
  repo.RemoveLooseObject(lost);
  int code;
  json j = Scan({"--range", "HEAD"}, repo.dir(), &code);
  EXPECT_EQ(code, 3);
  ASSERT_EQ(j["errors"].size(), 1u) << j.dump(2);
  EXPECT_NE(j["errors"][0]["message"].get<std::string>().find(lost), std::string::npos) << j.dump(2);
  EXPECT_EQ(j["errors"][0]["path"], "lost.txt");
  EXPECT_EQ(FlaggedPaths(j), std::vector<std::string>{"data/extract.csv"});
}

TEST(GitScanCli, HistoryOfABareMirrorClone) {
  GitTestRepo repo;
  repo.Write("x/extract.csv", testing::UkbExtract(100));
  std::string added = repo.Commit("add");
  repo.Git("rm -q x/extract.csv");
  repo.Commit("rm");
  std::string mirror = repo.Sibling("mirror.git");
  testing::Sh("git clone -q --mirror " + ShellQuote(repo.dir()) + " " + ShellQuote(mirror));
  int code;
  json j = Scan({"--history"}, mirror, &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(FlaggedPaths(j), std::vector<std::string>{"x/extract.csv"}) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["commit"], added);
}

TEST(GitScanCli, SubmodulesAreListedAsSkipped) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  std::string c = repo.Commit("base");
  repo.Git("update-index --add --cacheinfo 160000," + c + ",vendor/lib");
  int code;
  json j = Scan({"--staged"}, repo.dir(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  ASSERT_EQ(j["skipped"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["skipped"][0]["path"], "vendor/lib");
}

TEST(GitScanCli, GitModeMisuseExits2) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("base");
  EXPECT_EQ(Cohortguard({"scan", "--staged", "--history", repo.dir()}).exit_code, 2);
  EXPECT_EQ(Cohortguard({"scan", "--history", repo.dir(), repo.dir()}).exit_code, 2);
  auto r = Cohortguard({"scan", "--range", "nosuchbranch..HEAD", repo.dir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nosuchbranch"), std::string::npos) << r.err;
}

TEST(GitScanCli, NotARepositoryExits3) {
  testing::TempDir dir;
  auto r = Cohortguard({"scan", "--history", "--format", "json", dir.str()});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
}

// A history blob is read before the walk names it; everything the report says about one must
// still name the commit and path: findings, and also skipped entries (a ragged table's note) and
// the --explain entries of tables that were not flagged (these had no path).
TEST(HistoryScan, SkippedAndExplainedBlobsNameTheirCommitAndPath) {
  GitTestRepo repo;
  repo.Write("data/cohort_export.csv", testing::RaggedParticipantTable(300, 3));
  std::string summary = "region,year,cases,rate\n";
  for (int i = 0; i < 40; ++i) summary += "R" + std::to_string(i % 7) + "," + std::to_string(2000 + i) + ",12,0.5\n";
  repo.Write("results/summary.csv", summary);
  repo.Commit("export and summary");
  int code = 0;
  json j = Scan({"--history", "--explain"}, repo.dir(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  ASSERT_FALSE(j["skipped"].empty()) << j.dump(2);
  for (const json& s : j["skipped"]) {
    EXPECT_EQ(s["path"], "data/cohort_export.csv") << s.dump();
    EXPECT_TRUE(s.contains("commit")) << s.dump();
  }
  bool unflagged = false;
  ASSERT_FALSE(j["explain"].empty()) << j.dump(2);
  for (const json& x : j["explain"]) {
    EXPECT_FALSE(x["path"].get<std::string>().empty()) << x.dump();
    unflagged |= x["path"] == "results/summary.csv" && !x["decision"].get<std::string>().starts_with("flagged");
  }
  EXPECT_TRUE(unflagged) << j["explain"].dump(2);
}

}  // namespace
}  // namespace cg
