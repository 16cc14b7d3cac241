// The git-binary listings and reader (GitCliSource) against the libgit2 sources on the same
// SHA-1 repositories: same items, attribution, notes and bytes, so a repository that only git
// can read is judged exactly like one libgit2 reads.
#include "source/git_cli_source.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "source/git_index_source.h"
#include "source/git_range_source.h"
#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using testing::GitTestRepo;
using testing::ListAndRead;
using testing::Listed;
using testing::ShellQuote;

using Row = std::tuple<std::string, std::string, std::string>;  // blob, path, commit

std::vector<Row> Rows(const Listed& l) {
  std::vector<Row> out;
  for (const Item& i : l.items) out.emplace_back(i.key, i.origin.path, i.origin.commit);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Row> SkipRows(const GitSource& s) {
  std::vector<Row> out;
  for (const Skipped& k : s.skipped()) out.emplace_back(k.origin.path, k.origin.commit, k.reason);
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectSameListing(GitSource& libgit2, GitSource& cli, size_t expected_items) {
  Listed a = ListAndRead(libgit2), b = ListAndRead(cli);
  ASSERT_TRUE(a.status.ok()) << a.status.message();
  ASSERT_TRUE(b.status.ok()) << b.status.message();
  EXPECT_EQ(Rows(a), Rows(b));
  EXPECT_EQ(Rows(b).size(), expected_items);
  EXPECT_EQ(SkipRows(libgit2), SkipRows(cli));
  EXPECT_EQ(a.content_by_blob, b.content_by_blob) << "cat-file --batch returns the same bytes";
  EXPECT_TRUE(b.read_errors.empty());
  EXPECT_TRUE(a.errors.empty() && b.errors.empty());
}

TEST(GitCliSource, RangeListsWhatTheLibgit2WalkLists) {
  GitTestRepo repo;
  std::string base = repo.StartMergeOfSideBranch();
  repo.Write("merged/evil.csv", "eid,31-0.0\n1000001,1\n");  // only the merge has it
  repo.Commit("merge");
  repo.Write("same/one.txt", "twice\n");
  repo.Write("same/two.txt", "twice\n");  // one blob at two paths: listed once
  repo.Write("caf\xe9.csv", "not utf-8 name\n");
  repo.Write("run.sh", "#!/bin/sh\n");
  repo.Git("add -A");
  repo.Git("update-index --add --cacheinfo 160000," + repo.Git("rev-parse HEAD") + ",vendor/sub");
  repo.Git("commit -q -m gitlink");
  repo.Git("rm -q a.txt");
  repo.Git("mv run.sh tools.sh");
  repo.Write("b.txt", "side, changed\n");
  repo.Commit("delete, rename, modify");
  repo.Write("x.bin", std::string("\0\1\2binary", 9));
  repo.Commit("binary");

  for (const std::string& spec : std::vector<std::string>{base + "..main", "main", "main ^" + base, "--all", "main --not " + base}) {
    GitRangeSource libgit2(repo.dir(), spec);
    GitCliSource cli(repo.dir(), GitScanMode::kRange, spec);
    SCOPED_TRACE(spec);
    // a.txt only when the base is included; tools.sh is run.sh's blob, the gitlink is skipped.
    size_t expected = spec == "main" || spec == "--all" ? 9 : 8;
    ExpectSameListing(libgit2, cli, expected);
  }
}

TEST(GitCliSource, StagedListsWhatTheLibgit2IndexLists) {
  GitTestRepo repo;
  repo.Write("keep.txt", "unchanged\n");
  repo.Write("change.txt", "before\n");
  repo.Write("gone.txt", "deleted next\n");
  repo.Commit("base");
  repo.Write("change.txt", "after\n");
  repo.Write("new/data.csv", "eid,31-0.0\n1000001,1\n");
  repo.Write("new/copy.csv", "eid,31-0.0\n1000001,1\n");  // same blob, another path: both listed
  repo.Git("rm -q gone.txt");
  repo.Git("add -A");
  repo.Git("update-index --add --cacheinfo 160000," + repo.Git("rev-parse HEAD") + ",vendor/sub");
  GitIndexSource libgit2(repo.dir());
  GitCliSource cli(repo.dir(), GitScanMode::kStaged, "");
  ExpectSameListing(libgit2, cli, 3);
}

TEST(GitCliSource, StagedFirstCommitAndConflictsMatchToo) {
  GitTestRepo repo;
  repo.Write("first.txt", "first\n");
  repo.Git("add -A");
  {
    GitIndexSource libgit2(repo.dir());
    GitCliSource cli(repo.dir(), GitScanMode::kStaged, "");
    ExpectSameListing(libgit2, cli, 1);
  }
  repo.Commit("first");
  repo.Git("checkout -q -b side");
  repo.Write("first.txt", "side\n");
  repo.Commit("side");
  repo.Git("checkout -q main");
  repo.Write("first.txt", "main\n");
  repo.Commit("main");
  repo.Git("merge -q side", /*may_fail=*/true);
  GitIndexSource libgit2(repo.dir());
  GitCliSource cli(repo.dir(), GitScanMode::kStaged, "");
  ExpectSameListing(libgit2, cli, 0);
  EXPECT_EQ(cli.skipped().size(), 1u);
}

TEST(GitCliSource, MissingBlobIsAnErrorNamingIt) {
  GitTestRepo repo;
  repo.Write("lost.txt", "this blob goes missing\n");
  repo.Commit("one");
  std::string lost = repo.Git("rev-parse HEAD:lost.txt");
  repo.RemoveLooseObject(lost);
  GitCliSource cli(repo.dir(), GitScanMode::kRange, "HEAD");
  Listed l = ListAndRead(cli);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.read_errors.size(), 1u);
  EXPECT_NE(l.read_errors[0].find(lost), std::string::npos) << l.read_errors[0];
}

TEST(GitCliSource, BadRangeIsAnErrorWithGitsMessage) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("one");
  GitCliSource cli(repo.dir(), GitScanMode::kRange, "no-such-branch");
  std::vector<Item> items;
  std::vector<ScanError> errors;
  Status s = cli.Enumerate(&items, &errors);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no-such-branch"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace cg
