#include "source/git_index_source.h"

#include <gtest/gtest.h>

#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using testing::FindByPath;
using testing::GitTestRepo;
using testing::ListAndRead;

TEST(GitIndexSource, ListsEverythingStagedForTheFirstCommit) {
  GitTestRepo repo;
  repo.Write("data/ukb.csv", "eid,31-0.0\n1000001,1\n");
  repo.Write("README", "hello\n");
  repo.Git("add -A");
  GitIndexSource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.items.size(), 2u);
  const Item* csv = FindByPath(l, "data/ukb.csv");
  ASSERT_NE(csv, nullptr);
  EXPECT_EQ(csv->origin.blob, repo.Git("rev-parse :data/ukb.csv"));
  EXPECT_TRUE(csv->origin.commit.empty());
  EXPECT_EQ(l.content_by_blob[csv->key], "eid,31-0.0\n1000001,1\n");
  EXPECT_TRUE(source.items_are_blobs());
}

TEST(GitIndexSource, ListsOnlyStagedChangesNotWorktreeEditsOrUnchangedFiles) {
  GitTestRepo repo;
  repo.Write("same.txt", "unchanged\n");
  repo.Write("edit.csv", "a,b\n1,2\n");
  repo.Write("gone.txt", "to be deleted\n");
  repo.Commit("base");
  repo.Write("edit.csv", "eid,31-0.0\n1000001,1\n");
  repo.Git("add edit.csv");
  repo.Write("edit.csv", "worktree only, not staged\n");
  repo.Git("rm -q gone.txt");
  repo.Write("new.txt", "new\n");
  repo.Git("add new.txt");
  GitIndexSource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.items.size(), 2u);
  const Item* edit = FindByPath(l, "edit.csv");
  ASSERT_NE(edit, nullptr);
  EXPECT_EQ(l.content_by_blob[edit->key], "eid,31-0.0\n1000001,1\n");
  EXPECT_NE(FindByPath(l, "new.txt"), nullptr);
  EXPECT_EQ(FindByPath(l, "same.txt"), nullptr);
  EXPECT_EQ(FindByPath(l, "gone.txt"), nullptr);
}

TEST(GitIndexSource, SkipsStagedSubmoduleWithANote) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  std::string commit = repo.Commit("base");
  repo.Git("update-index --add --cacheinfo 160000," + commit + ",vendor/lib");
  GitIndexSource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_TRUE(l.items.empty());
  ASSERT_EQ(source.skipped().size(), 1u);
  EXPECT_EQ(source.skipped()[0].origin.path, "vendor/lib");
  EXPECT_NE(source.skipped()[0].reason.find("submodule"), std::string::npos) << source.skipped()[0].reason;
}

TEST(GitIndexSource, MissingRepositoryIsAnErrorNamingThePath) {
  testing::TempDir dir;
  GitIndexSource source(dir.str() + "/nowhere");
  std::vector<Item> items;
  std::vector<ScanError> errors;
  Status s = source.Enumerate(&items, &errors);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(dir.str() + "/nowhere"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace cg
