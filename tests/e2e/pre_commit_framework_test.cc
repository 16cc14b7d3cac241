// The pre-commit framework (Debian package pre-commit) using this repository's
// .pre-commit-hooks.yaml, offline: the hook repository is a local git repository.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace cg {
namespace {

using testing::Git;

using testing::RunResult;
using testing::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(PreCommitFramework, HooksFromPreCommitHooksYamlBlockCommitAndPush) {
  if (testing::Run({"sh", "-c", "command -v pre-commit"}).exit_code != 0)
    GTEST_SKIP() << "pre-commit is not installed (scripts/setup installs it)";
  TempDir dir;
  // PATH gets the binary under test; the framework's cache stays in the temporary folder.
  std::string bin_dir = std::filesystem::path(COHORTGUARD_BINARY).parent_path().string();
  std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (bin_dir + ":" + old_path).c_str(), 1);
  setenv("PRE_COMMIT_HOME", (dir.str() + "/pre-commit-home").c_str(), 1);

  std::string hook_repo = dir.str() + "/hook-repo";
  ASSERT_EQ(Git({"init", "-q", hook_repo}, dir.str()).exit_code, 0);
  dir.Write("hook-repo/.pre-commit-hooks.yaml", ReadFile(std::string(COHORTGUARD_SOURCE_DIR) + "/.pre-commit-hooks.yaml"));
  Git({"add", "."}, hook_repo);
  ASSERT_EQ(Git({"commit", "-q", "-m", "hooks"}, hook_repo).exit_code, 0);
  std::string rev = Git({"rev-parse", "HEAD"}, hook_repo).out;
  rev.pop_back();

  std::string work = dir.str() + "/work", server = dir.str() + "/server.git";
  ASSERT_EQ(Git({"init", "-q", "--bare", server}, dir.str()).exit_code, 0);
  ASSERT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
  dir.Write("work/.pre-commit-config.yaml", "repos:\n  - repo: " + hook_repo + "\n    rev: " + rev +
                                                "\n    hooks:\n      - id: cohortguard\n      - id: cohortguard-push\n");
  RunResult r = testing::Run({"pre-commit", "install", "--hook-type", "pre-commit", "--hook-type", "pre-push"}, work);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  Git({"add", ".pre-commit-config.yaml"}, work);
  r = Git({"commit", "-q", "-m", "config"}, work);
  ASSERT_EQ(r.exit_code, 0) << "clean commit: " << r.out << r.err;

  dir.Write("work/data/ukb12345.csv", testing::UkbExtract(300));
  Git({"add", "data/ukb12345.csv"}, work);
  r = Git({"commit", "-q", "-m", "data"}, work);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE((r.out + r.err).find("ukbiobank.main-dataset"), std::string::npos) << r.out << r.err;

  // Committed past the hook: `pre-commit run --all-files` (what CI runs) must still fail.
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "data"}, work).exit_code, 0);
  r = testing::Run({"pre-commit", "run", "--all-files", "cohortguard"}, work);
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("ukbiobank.main-dataset"), std::string::npos) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("data/ukb12345.csv"), std::string::npos) << r.out << r.err;

  // The push stage: a public remote (github.com rewritten to a local bare repository).
  Git({"config", "url." + server + ".insteadOf", "https://github.com/lab/study.git"}, work);
  Git({"remote", "add", "origin", "https://github.com/lab/study.git"}, work);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, work);
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("ukbiobank.main-dataset"), std::string::npos) << r.out << r.err;
  EXPECT_NE(Git({"rev-parse", "-q", "--verify", "main"}, server).exit_code, 0);

  setenv("PATH", old_path.c_str(), 1);
  unsetenv("PRE_COMMIT_HOME");
}

}  // namespace
}  // namespace cg
