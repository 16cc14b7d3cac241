// FindWorkTreeTop walks the file system the way git's discovery does; on every layout it must
// give what git itself says (`git rev-parse --show-toplevel`), and nothing in a bare repository.
#include "source/work_tree_top.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace cg {
namespace {

using testing::Git;
using testing::TempDir;

std::string GitTop(const std::string& dir) {
  std::string out = Git({"rev-parse", "--show-toplevel"}, dir).out;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(WorkTreeTop, AgreesWithGitOnWorkTreesWorktreesAndTheGitFolder) {
  TempDir dir;
  const std::string top = std::filesystem::canonical(dir.str()).string() + "/repo";
  ASSERT_EQ(Git({"init", "-q", top}, dir.str()).exit_code, 0);
  dir.Write("repo/a/b/notes.txt", "x\n");
  Git({"add", "-A"}, top);
  ASSERT_EQ(Git({"commit", "-q", "-m", "x"}, top).exit_code, 0);
  for (const std::string& start : {top, top + "/a", top + "/a/b", top + "/.git", top + "/.git/hooks"})
    EXPECT_EQ(FindWorkTreeTop(start).value_or("(none)"), top) << start;
  EXPECT_EQ(GitTop(top + "/a/b"), top);

  // A linked worktree (its .git is a file) is its own top.
  const std::string linked = std::filesystem::canonical(dir.str()).string() + "/linked";
  ASSERT_EQ(Git({"worktree", "add", "-q", linked}, top).exit_code, 0);
  EXPECT_EQ(FindWorkTreeTop(linked + "/a").value_or("(none)"), linked);
  EXPECT_EQ(GitTop(linked + "/a"), linked);

  // A bare repository inside a work tree is not that work tree.
  const std::string bare = top + "/server.git";
  ASSERT_EQ(Git({"init", "-q", "--bare", bare}, top).exit_code, 0);
  EXPECT_FALSE(FindWorkTreeTop(bare).has_value());

  // core.worktree puts the work tree elsewhere: git's answer, not the parent of .git.
  const std::string elsewhere = std::filesystem::canonical(dir.str()).string() + "/elsewhere";
  std::filesystem::create_directories(elsewhere);
  Git({"config", "core.worktree", elsewhere}, top);
  EXPECT_EQ(FindWorkTreeTop(top + "/.git").value_or("(none)"), elsewhere);

  // Outside any repository: nothing.
  TempDir outside;
  EXPECT_FALSE(FindWorkTreeTop(outside.str()).has_value());
}

}  // namespace
}  // namespace cg
