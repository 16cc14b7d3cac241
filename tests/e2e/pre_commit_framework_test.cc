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

// The framework's view for one test: PATH gets the binary under test first, and the framework's
// cache stays in the test's temporary folder. Both are restored when it goes.
class FrameworkEnvironment {
 public:
  explicit FrameworkEnvironment(const TempDir& dir) : old_path_(std::getenv("PATH") ? std::getenv("PATH") : "") {
    std::string bin_dir = std::filesystem::path(COHORTGUARD_BINARY).parent_path().string();
    setenv("PATH", (bin_dir + ":" + old_path_).c_str(), 1);
    setenv("PRE_COMMIT_HOME", (dir.str() + "/pre-commit-home").c_str(), 1);
  }
  ~FrameworkEnvironment() {
    setenv("PATH", old_path_.c_str(), 1);
    unsetenv("PRE_COMMIT_HOME");
  }
  static bool Installed() { return testing::Run({"sh", "-c", "command -v pre-commit"}).exit_code == 0; }

 private:
  std::string old_path_;
};

// A hook repository holding this repository's .pre-commit-hooks.yaml, and a work tree (with a
// bare server beside it) whose .pre-commit-config.yaml uses both hooks, installed and committed.
struct FrameworkRepos {
  std::string work, server;
};

void SetUpFramework(const TempDir& dir, FrameworkRepos* out) {
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
  *out = {work, server};
}

TEST(PreCommitFramework, HooksFromPreCommitHooksYamlBlockCommitAndPush) {
  if (!FrameworkEnvironment::Installed())
    GTEST_SKIP() << "pre-commit is not installed (scripts/setup installs it)";
  TempDir dir;
  FrameworkEnvironment env(dir);
  FrameworkRepos repos;
  ASSERT_NO_FATAL_FAILURE(SetUpFramework(dir, &repos));
  const std::string work = repos.work, server = repos.server;
  RunResult r;

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
}

// Under the framework the push URL (with its credentials; a public and an internal host) reaches the hook through
// PRE_COMMIT_REMOTE_URL, and a typed URL as PRE_COMMIT_REMOTE_NAME: neither is ever printed
// with the password, by the hook or by anything around it.
TEST(PreCommitFramework, PrePushNeverPrintsCredentialsOfThePushUrl) {
  if (!FrameworkEnvironment::Installed())
    GTEST_SKIP() << "pre-commit is not installed (scripts/setup installs it)";
  TempDir dir;
  FrameworkEnvironment env(dir);
  FrameworkRepos repos;
  ASSERT_NO_FATAL_FAILURE(SetUpFramework(dir, &repos));
  const std::string work = repos.work;
  const std::string password = "Pa55-w0rd-of-the-lab-bot-7f3e";
  const std::string url = "https://lab-bot:" + password + "@github.com/lab/study.git";
  const std::string internal_url = "https://lab-bot:" + password + "@git.example.invalid/lab/study.git";
  Git({"config", "url." + repos.server + ".insteadOf", url}, work);
  Git({"config", "--add", "url." + repos.server + ".insteadOf", internal_url}, work);
  Git({"remote", "add", "origin", url}, work);
  Git({"remote", "add", "internal", internal_url}, work);
  dir.Write("work/data/ukb12345.csv", testing::UkbExtract(300));
  Git({"add", "data/ukb12345.csv"}, work);
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "data"}, work).exit_code, 0);

  for (const std::string& destination : {std::string("origin"), url, std::string("internal"), internal_url}) {
    RunResult r = Git({"push", destination, "HEAD:refs/heads/main"}, work);
    const std::string all = r.out + r.err;
    const bool internal = destination == "internal" || destination == internal_url;
    EXPECT_NE(r.exit_code, 0) << destination << ": " << all;
    EXPECT_NE(all.find("ukbiobank.main-dataset"), std::string::npos) << "the hook ran and blocked: " << all;
    EXPECT_NE(all.find(internal ? "is internal" : "is public"), std::string::npos) << "classified by the real host: " << all;
    EXPECT_EQ(all.find(password), std::string::npos) << "the password is printed: " << all;
    EXPECT_EQ(all.find(password.substr(0, 8)), std::string::npos) << "part of the password is printed: " << all;
  }
  EXPECT_NE(Git({"rev-parse", "-q", "--verify", "main"}, repos.server).exit_code, 0) << "nothing reached the server";
}


// What a user does before adding the hooks to .pre-commit-config.yaml: `pre-commit try-repo`
// against this repository at a release tag (a local clone tagged as scripts/release --tag does),
// offline, for both hooks: a clean repository passes, the committed extract fails both.
TEST(PreCommitFramework, TryRepoAtAReleaseTagRunsBothHooks) {
  if (!FrameworkEnvironment::Installed())
    GTEST_SKIP() << "pre-commit is not installed (scripts/setup installs it)";
  if (Git({"rev-parse", "--git-dir"}, COHORTGUARD_SOURCE_DIR).exit_code != 0)
    GTEST_SKIP() << "the source folder is not a git checkout";
  TempDir dir;
  FrameworkEnvironment env(dir);

  const std::string clone = dir.str() + "/cohortguard";
  RunResult r = Git({"clone", "-q", "--depth", "1", "file://" + std::string(COHORTGUARD_SOURCE_DIR), clone}, dir.str());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string version = testing::Cohortguard({"version"}).out;  // "cohortguard X.Y.Z\n"
  const std::string tag = "v" + version.substr(version.find(' ') + 1, version.size() - version.find(' ') - 2);
  ASSERT_EQ(Git({"tag", "-a", tag, "-m", "release"}, clone).exit_code, 0);

  const std::string work = dir.str() + "/work";
  ASSERT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
  dir.Write("work/analysis.R", "fit <- lm(y ~ x, data = d)\n");
  Git({"add", "."}, work);
  ASSERT_EQ(Git({"commit", "-q", "-m", "code"}, work).exit_code, 0);
  std::string base = Git({"rev-parse", "HEAD"}, work).out;
  base.pop_back();
  auto try_repo = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"pre-commit", "try-repo", clone};
    argv.insert(argv.end(), args.begin(), args.end());
    return testing::Run(argv, work);
  };
  const std::vector<std::string> push = {"cohortguard-push", "--ref", tag, "--hook-stage", "push",
                                         "--from-ref", base, "--to-ref", "HEAD",
                                         "--local-branch", "refs/heads/main", "--remote-branch", "refs/heads/main",
                                         "--remote-name", "origin", "--remote-url", "https://github.com/lab/study.git"};
  r = try_repo({"cohortguard", "--ref", tag, "--all-files"});
  EXPECT_EQ(r.exit_code, 0) << "clean repository: " << r.out << r.err;

  dir.Write("work/data/ukb12345.csv", testing::UkbExtract(300));
  Git({"add", "."}, work);
  ASSERT_EQ(Git({"commit", "-q", "-m", "data"}, work).exit_code, 0);
  r = try_repo({"cohortguard", "--ref", tag, "--all-files"});
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("ukbiobank.main-dataset"), std::string::npos) << r.out << r.err;
  r = try_repo(push);
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("ukbiobank.main-dataset"), std::string::npos) << r.out << r.err;
  // The same push to a private remote is not blocked: the hook really ran the push policy.
  std::vector<std::string> private_push = push;
  private_push.back() = "file://" + dir.str() + "/server.git";
  r = try_repo(private_push);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

}  // namespace
}  // namespace cg
