#include "source/git_range_source.h"

#include <gtest/gtest.h>

#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using testing::FindByPath;
using testing::GitTestRepo;
using testing::ListAndRead;
using testing::ShellQuote;

TEST(GitRangeSource, NewBranchWithoutRemoteCounterpartListsOnlyItsOwnBlobs) {
  GitTestRepo repo;
  repo.Write("pushed.txt", "already on the remote\n");
  repo.Commit("base");
  repo.PushToNewOriginAndBranch("feature");
  repo.Write("data/ukb.csv", "eid,31-0.0\n1000001,1\n");
  std::string c1 = repo.Commit("add extract");
  repo.Write("notes.md", "more\n");
  std::string c2 = repo.Commit("notes");

  for (std::string spec : {"feature --not --remotes=origin", "origin/main..feature", "feature ^origin/main"}) {
    GitRangeSource source(repo.dir(), spec);
    auto l = ListAndRead(source);
    ASSERT_TRUE(l.status.ok()) << spec << ": " << l.status.message();
    EXPECT_EQ(l.items.size(), 2u) << spec;
    const Item* csv = FindByPath(l, "data/ukb.csv");
    ASSERT_NE(csv, nullptr) << spec;
    EXPECT_EQ(csv->origin.commit, c1) << spec;
    EXPECT_EQ(FindByPath(l, "notes.md")->origin.commit, c2) << spec;
    EXPECT_EQ(FindByPath(l, "pushed.txt"), nullptr) << spec;
    EXPECT_TRUE(l.errors.empty()) << spec;
  }
}

TEST(GitRangeSource, ContentThatFirstAppearsInAMergeIsFound) {
  GitTestRepo repo;
  std::string base = repo.StartMergeOfSideBranch();
  repo.Write("evil.csv", "eid,31-0.0\n1000001,1\n");  // in neither parent
  repo.Write("a.txt", "resolved differently from both parents\n");
  std::string merge = repo.Commit("merge side");

  GitRangeSource source(repo.dir(), base + "..main");
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  const Item* evil = FindByPath(l, "evil.csv");
  ASSERT_NE(evil, nullptr);
  EXPECT_EQ(evil->origin.commit, merge);
  EXPECT_EQ(FindByPath(l, "a.txt")->origin.commit, merge);
  // Blobs that came from a parent are attributed to the commit that made them, not the merge.
  EXPECT_NE(FindByPath(l, "b.txt")->origin.commit, merge);
  EXPECT_NE(FindByPath(l, "c.txt")->origin.commit, merge);
  EXPECT_EQ(l.items.size(), 4u);
}

TEST(GitRangeSource, ListsEachBlobOnceAtTheFirstCommitThatIntroducedIt) {
  GitTestRepo repo;
  repo.Write("a.txt", "same bytes\n");
  std::string c1 = repo.Commit("one");
  repo.Write("copy/a.txt", "same bytes\n");
  repo.Commit("two");
  GitRangeSource source(repo.dir(), "HEAD");
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.items.size(), 1u);
  EXPECT_EQ(l.items[0].origin.path, "a.txt");
  EXPECT_EQ(l.items[0].origin.commit, c1);
  // The second path is listed, for the check of names, not read again.
  ASSERT_EQ(l.listed_only.size(), 1u);
  EXPECT_EQ(l.listed_only[0].origin.path, "copy/a.txt");
}

TEST(GitRangeSource, MissingBlobIsAReadErrorWithItsIdAndOtherBlobsStillRead) {
  GitTestRepo repo;
  repo.Write("keep.csv", "eid,31-0.0\n1000001,1\n");
  repo.Write("lost.txt", "this object will be deleted\n");
  repo.Commit("one");
  std::string lost = repo.Git("rev-parse HEAD:lost.txt");
  repo.RemoveLooseObject(lost);
  GitRangeSource source(repo.dir(), "HEAD");
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.items.size(), 2u);
  ASSERT_EQ(l.read_errors.size(), 1u);
  EXPECT_NE(l.read_errors[0].find(lost), std::string::npos) << l.read_errors[0];
  EXPECT_EQ(l.content_by_blob[repo.Git("rev-parse HEAD:keep.csv")], "eid,31-0.0\n1000001,1\n");
}

TEST(GitRangeSource, MissingTreeIsListedAsAnErrorAndTheRestIsStillListed) {
  GitTestRepo repo;
  repo.Write("top.txt", "top\n");
  repo.Write("sub/inner.txt", "inner\n");
  repo.Commit("one");
  std::string tree = repo.Git("rev-parse HEAD:sub");
  repo.RemoveLooseObject(tree);
  GitRangeSource source(repo.dir(), "HEAD");
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_NE(FindByPath(l, "top.txt"), nullptr);
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_NE(l.errors[0].message.find(tree), std::string::npos) << l.errors[0].message;
  EXPECT_EQ(l.errors[0].origin.path, "sub");
}

TEST(GitRangeSource, SubmoduleCommitsAreSkippedWithANote) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  std::string c = repo.Commit("base");
  repo.Git("update-index --add --cacheinfo 160000," + c + ",vendor/lib");
  repo.Git("commit -q -m sub");
  GitRangeSource source(repo.dir(), "HEAD~1..HEAD");
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_TRUE(l.items.empty());
  ASSERT_EQ(source.skipped().size(), 1u);
  EXPECT_EQ(source.skipped()[0].origin.path, "vendor/lib");
  EXPECT_EQ(source.skipped()[0].origin.commit, repo.Git("rev-parse HEAD"));
  EXPECT_NE(source.skipped()[0].reason.find("submodule"), std::string::npos);
}

TEST(GitRangeSource, NonUtf8PathIsReportedQuotedAndLossless) {
  GitTestRepo repo;
  repo.Write(std::string("caf\xe9.csv"), "x\n");  // Latin-1 e-acute: not UTF-8
  repo.Write("r\xc3\xa9sum\xc3\xa9.txt", "y\n");   // valid UTF-8 stays as it is
  repo.Commit("paths");
  GitRangeSource source(repo.dir(), "HEAD");
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_NE(FindByPath(l, "\"caf\\351.csv\""), nullptr);
  EXPECT_NE(FindByPath(l, "r\xc3\xa9sum\xc3\xa9.txt"), nullptr);
}

struct BadSpec { const char* spec; const char* expect; };

TEST(GitRangeSource, BadRevisionsAreInvalidArgumentsNamingTheWord) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("base");
  for (const BadSpec& b : {BadSpec{"nosuchref..HEAD", "nosuchref"}, BadSpec{"main...HEAD", "symmetric"},
                           BadSpec{"--bogus", "--bogus"}, BadSpec{"--not HEAD", "includes no commits"}}) {
    GitRangeSource source(repo.dir(), b.spec);
    std::vector<Item> items;
    std::vector<ScanError> errors;
    Status s = source.Enumerate(&items, &errors);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << b.spec;
    EXPECT_NE(s.message().find(b.expect), std::string::npos) << b.spec << ": " << s.message();
  }
}

}  // namespace
}  // namespace cg
