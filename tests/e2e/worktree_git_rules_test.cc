// Whole-program tests of `scan .` inside git work trees (issue #14 §4): git's rules decide what
// is hidden (.gitignore hides only untracked files), whatever way the repository is stored, and
// a repository git refuses (owned by another user) is an error with the fix, never a silent
// change of what is scanned.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::Git;
using testing::RunResult;
using testing::TempDir;
namespace fs = std::filesystem;

struct Scan {
  int code = -1;
  json report;
};

Scan ScanFolder(const std::string& dir, const std::vector<std::string>& prefix = {}) {
  std::vector<std::string> argv = prefix;
  argv.insert(argv.end(), {COHORTGUARD_BINARY, "scan", "--format", "json", "."});
  RunResult r = testing::Run(argv, dir);
  Scan s;
  s.code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  if (!r.out.empty()) s.report = json::parse(r.out);
  return s;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> FindingPaths(const json& j) {
  std::vector<std::string> out;
  for (const json& f : j["findings"]) out.push_back(f["path"]);
  return Sorted(out);
}

// .gitignore hides data/ and *.csv; one extract in data/ and one at the top are tracked with
// `git add -f`, the others are not. Extra `init` flags choose how the repository is stored.
struct IgnoredButTracked {
  TempDir dir;
  std::string work = dir.str() + "/work";
  explicit IgnoredButTracked(const std::vector<std::string>& init_flags = {}) {
    std::vector<std::string> init{"init", "-q", "-b", "main"};
    init.insert(init.end(), init_flags.begin(), init_flags.end());
    init.push_back(work);
    EXPECT_EQ(Git(init, dir.str()).exit_code, 0);
    dir.Write("work/.gitignore", "data/\n*.csv\n");
    dir.Write("work/data/forced.csv", testing::UkbExtract(120, 3, 1));
    dir.Write("work/data/local.csv", testing::UkbExtract(120, 3, 2));
    dir.Write("work/top_forced.csv", testing::UkbExtract(120, 3, 3));
    dir.Write("work/top_local.csv", testing::UkbExtract(120, 3, 4));
    dir.Write("work/analysis.R", "x <- 1\n");
    EXPECT_EQ(Git({"add", ".gitignore", "analysis.R"}, work).exit_code, 0);
    EXPECT_EQ(Git({"add", "-f", "data/forced.csv", "top_forced.csv"}, work).exit_code, 0);
    EXPECT_EQ(Git({"commit", "-q", "-m", "tracked despite .gitignore"}, work).exit_code, 0);
  }
};

const std::vector<std::string> kTracked{"data/forced.csv", "top_forced.csv"};

void ExpectTrackedScannedUntrackedIgnoredHidden(const IgnoredButTracked& repo) {
  Scan s = ScanFolder(repo.work);
  EXPECT_EQ(s.code, 1) << s.report.dump(2);
  EXPECT_EQ(FindingPaths(s.report), kTracked) << s.report.dump(2);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  EXPECT_EQ(s.report["stats"]["files"], 4) << ".gitignore, analysis.R and the two tracked extracts";
}

TEST(WorktreeGitRules, TrackedFilesMatchingGitignoreAreScannedUntrackedOnesAreNot) {
  IgnoredButTracked repo;
  ASSERT_EQ(Git({"check-ignore", "-q", "--no-index", "data/forced.csv"}, repo.work).exit_code, 0)
      << "the tracked extract matches .gitignore";
  ExpectTrackedScannedUntrackedIgnoredHidden(repo);
  // --no-ignore still scans everything.
  RunResult r = Cohortguard({"scan", "--format", "json", "--no-ignore", "."}, repo.work);
  ASSERT_FALSE(r.out.empty()) << r.err;
  EXPECT_EQ(FindingPaths(json::parse(r.out)),
            Sorted({"data/forced.csv", "data/local.csv", "top_forced.csv", "top_local.csv"}));
}

TEST(WorktreeGitRules, SplitIndexGivesTheSameAnswer) {
  IgnoredButTracked repo;
  ASSERT_EQ(Git({"update-index", "--split-index"}, repo.work).exit_code, 0);
  ExpectTrackedScannedUntrackedIgnoredHidden(repo);
}

TEST(WorktreeGitRules, Sha256RepositoryGivesTheSameAnswer) {
  IgnoredButTracked repo({"--object-format=sha256"});
  ASSERT_EQ(Git({"rev-parse", "--show-object-format"}, repo.work).out, "sha256\n");
  ExpectTrackedScannedUntrackedIgnoredHidden(repo);
}

TEST(WorktreeGitRules, RepositoryOwnedByAnotherUserIsAnErrorWithTheFixNeverASilentChange) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give the repository to another user (chown)";
  IgnoredButTracked repo;
  constexpr uid_t kOther = 65534;
  for (const auto& e : fs::recursive_directory_iterator(repo.work)) ASSERT_EQ(::lchown(e.path().c_str(), kOther, kOther), 0);
  ASSERT_EQ(::chown(repo.work.c_str(), kOther, kOther), 0);
  RunResult g = Git({"status"}, repo.work);
  ASSERT_NE(g.exit_code, 0);
  ASSERT_NE(g.err.find("dubious ownership"), std::string::npos) << "git refuses it too: " << g.err;

  const std::string fix = "git config --global --add safe.directory '" + repo.work + "'";
  Scan s = ScanFolder(repo.work);
  EXPECT_EQ(s.code, 3) << s.report.dump(2);
  ASSERT_EQ(s.report["errors"].size(), 1u) << s.report.dump(2);
  std::string message = s.report["errors"][0]["message"];
  EXPECT_NE(message.find(fix), std::string::npos) << message;
  EXPECT_NE(message.find("uid 65534"), std::string::npos) << message;
  EXPECT_NE(message.find(".gitignore was not applied"), std::string::npos) << message;
  // Nothing hidden, and said so: every extract is reported.
  EXPECT_EQ(FindingPaths(s.report),
            Sorted({"data/forced.csv", "data/local.csv", "top_forced.csv", "top_local.csv"}));

  RunResult staged = Cohortguard({"scan", "--staged", "."}, repo.work);
  EXPECT_EQ(staged.exit_code, 3);
  EXPECT_NE((staged.out + staged.err).find(fix), std::string::npos) << staged.out << staged.err;

  // The fix works: with safe.directory set, git's rules apply again.
  TempDir home;
  home.Write(".gitconfig", "[safe]\n\tdirectory = " + repo.work + "\n");
  Scan trusted = ScanFolder(repo.work, {"env", "HOME=" + home.str()});
  EXPECT_EQ(trusted.code, 1) << trusted.report.dump(2);
  EXPECT_TRUE(trusted.report["errors"].empty()) << trusted.report.dump(2);
  EXPECT_EQ(FindingPaths(trusted.report), kTracked);
}

}  // namespace
}  // namespace cg
