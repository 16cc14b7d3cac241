// Whole-program tests of `cohortguard sweep`: incremental state across runs and repositories.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::MirrorFarm;

struct Sweep {
  int exit_code;
  json report;
  std::string err;
};

Sweep RunSweep(const MirrorFarm& farm, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"sweep", farm.Mirrors(), "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = Cohortguard(args);
  Sweep s{r.exit_code, json(), r.err};
  EXPECT_FALSE(r.out.empty()) << r.err;
  if (!r.out.empty()) s.report = json::parse(r.out);
  return s;
}

std::set<std::string> Where(const json& report) {
  std::set<std::string> out;
  for (const auto& f : report["findings"]) out.insert(f["repository"].get<std::string>() + ":" + f["path"].get<std::string>());
  return out;
}

TEST(SweepCli, SecondRunScansNothingNewThirdRunReportsOnlyTheNewLeak) {
  MirrorFarm farm;
  std::set<std::string> distinct;
  size_t listed = 0;
  for (const auto& r : farm.repositories()) {
    auto b = farm.Blobs(r);
    listed += b.size();
    distinct.insert(b.begin(), b.end());
  }
  ASSERT_LT(distinct.size(), listed);  // the fork shares alpha's history

  Sweep first = RunSweep(farm);
  EXPECT_EQ(first.exit_code, 1) << first.err;
  // Each blob read once across all repositories; the leak reported in both repositories holding it.
  EXPECT_EQ(first.report["stats"]["blobs"], distinct.size()) << first.err;
  EXPECT_EQ(Where(first.report), (std::set<std::string>{"forks/alpha-fork.git:data/ukb_extract.csv",
                                                        "org/alpha.git:data/ukb_extract.csv"}))
      << first.report.dump(2);
  for (const auto& f : first.report["findings"]) {
    EXPECT_EQ(f["rule"], "ukbiobank.main-dataset");
    EXPECT_EQ(f["rows"], 200);
    EXPECT_EQ(f["commit"].get<std::string>().size(), 40u);
  }
  EXPECT_NE(first.err.find("swept 6 repositories"), std::string::npos) << first.err;

  Sweep second = RunSweep(farm);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(second.report["findings"].empty()) << second.report.dump(2);
  EXPECT_EQ(second.report["stats"]["blobs"], 0);
  EXPECT_NE(second.err.find("0 scanned; 0 new findings"), std::string::npos) << second.err;

  farm.Commit("beta", {{"data/cohort.csv", testing::UkbExtract(150, 3, 7)}}, "org/beta.git");
  Sweep third = RunSweep(farm);
  EXPECT_EQ(third.exit_code, 1) << third.err;
  EXPECT_EQ(Where(third.report), (std::set<std::string>{"org/beta.git:data/cohort.csv"})) << third.report.dump(2);
  EXPECT_EQ(third.report["stats"]["blobs"], 1);  // the one new blob (the commit's trees are not blobs)

  // --report all: everything current, with the first-seen ones among them.
  Sweep all = RunSweep(farm, {"--report", "all"});
  EXPECT_EQ(Where(all.report).size(), 3u) << all.report.dump(2);
  EXPECT_EQ(all.report["stats"]["blobs"], 0);
}

TEST(SweepCli, ForceRemovedLeakIsGoneAndDeletedRepositoryIsNoticed) {
  MirrorFarm farm;
  RunSweep(farm);
  // The fork rewrites its history without the extract and its mirror is pruned and collected.
  const std::string fork = farm.Mirrors() + "/forks/alpha-fork.git";
  const std::string wt = (farm.dir().path() / "work/rewrite").string();
  testing::MustGit({"clone", "-q", fork, wt}, ".");
  testing::MustGit({"checkout", "-q", "--orphan", "rewritten"}, wt);
  testing::MustGit({"rm", "-q", "--cached", "data/ukb_extract.csv"}, wt);
  testing::MustGit({"commit", "-q", "-m", "history without the extract"}, wt);
  testing::MustGit({"push", "-q", "--force", "origin", "HEAD:main"}, wt);
  testing::MustGit({"reflog", "expire", "--expire=now", "--all"}, fork);
  testing::MustGit({"gc", "-q", "--prune=now"}, fork);
  std::string leak = testing::Git({"rev-parse", "HEAD:data/ukb_extract.csv"}, farm.Mirrors() + "/org/alpha.git").out;
  leak.erase(leak.find_last_not_of('\n') + 1);
  ASSERT_EQ(leak.size(), 40u);
  ASSERT_EQ(farm.Blobs("forks/alpha-fork.git").count(leak), 0u);
  std::filesystem::remove_all(farm.Mirrors() + "/org/gamma.git");

  Sweep after = RunSweep(farm);
  EXPECT_TRUE(after.report["findings"].empty()) << after.report.dump(2);
  EXPECT_NE(after.err.find("1 gone"), std::string::npos) << after.err;
  EXPECT_NE(after.err.find("repository org/gamma.git is gone"), std::string::npos) << after.err;
  Sweep all = RunSweep(farm, {"--report", "all"});
  EXPECT_EQ(Where(all.report), (std::set<std::string>{"org/alpha.git:data/ukb_extract.csv"})) << all.report.dump(2);
}

TEST(SweepCli, JsonlStreamsFindingsWithRepositoryAndStateLivesUnderTheMirrors) {
  MirrorFarm farm;
  auto r = Cohortguard({"sweep", farm.Mirrors(), "--format", "jsonl", "--fail-on", "never"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) EXPECT_FALSE(json::parse(line)["repository"].is_null());
  EXPECT_EQ(lines, 2);
  EXPECT_TRUE(std::filesystem::exists(farm.Mirrors() + "/.cohortguard/sweep.sqlite"));
}

TEST(SweepCli, UsageErrorsExitTwoAndNameTheProblem) {
  MirrorFarm farm;
  struct Case { std::vector<std::string> args; std::string says; };
  const std::vector<Case> cases = {
      {{"sweep"}, "give the folder"},
      {{"sweep", "/nonexistent/mirrors"}, "not a folder"},
      {{"sweep", farm.Mirrors(), "--shard", "5/2"}, "not below the count"},
      {{"sweep", farm.Mirrors(), "--report", "some"}, "--report"},
      {{"sweep", farm.Mirrors(), "--format", "yaml"}, "unknown --format"},
      {{"sweep", farm.Mirrors(), "--idset", "x.cgid"}, "--idset-key"},
  };
  for (const auto& c : cases) {
    auto r = Cohortguard(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args.back();
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

TEST(SweepCli, ARepositoryOverItsTimeBudgetIsIncompleteAndTheNextSweepReadsTheRest) {
  MirrorFarm farm;
  testing::TempDir out;
  auto whole = RunSweep(farm, {"--state", out.str() + "/whole.sqlite", "--fail-on", "never"});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  ASSERT_EQ(whole.report["findings"].size(), 2u);
  // Over budget before the first batch of every repository: nothing read, every one named.
  const std::string state = out.str() + "/budget.sqlite";
  auto cut = RunSweep(farm, {"--state", state, "--fail-on", "never", "--budget", "0.000001"});
  EXPECT_EQ(cut.exit_code, 3) << cut.err;
  EXPECT_TRUE(cut.report["findings"].empty());
  std::set<std::string> named;
  for (const auto& e : cut.report["errors"]) {
    EXPECT_NE(e["message"].get<std::string>().find("time budget of 1e-06 s ran out"), std::string::npos) << e;
    named.insert(e["repository"].get<std::string>());
  }
  const auto all = farm.repositories();
  EXPECT_EQ(named, std::set<std::string>(all.begin(), all.end()));
  EXPECT_NE(cut.err.find("6 repositories ran out of their time budget"), std::string::npos) << cut.err;
  // Without the budget the next sweep reads the rest and reports what the whole sweep did.
  auto rest = RunSweep(farm, {"--state", state, "--fail-on", "never"});
  EXPECT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_EQ(rest.report["findings"], whole.report["findings"]);
  auto bad = Cohortguard({"sweep", farm.Mirrors(), "--budget", "-1"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--budget must not be negative"), std::string::npos) << bad.err;
}

TEST(SweepCli, ProgressLineOnATerminalCountsRepositories) {
  MirrorFarm farm;
  const std::string cmd = std::string(COHORTGUARD_BINARY) + " sweep " + farm.Mirrors() + " --fail-on never -o " + farm.dir().str() + "/r.json";
  auto r = testing::Run({"env", "-u", "CI", "TERM=xterm", "COHORTGUARD_PROGRESS_DELAY_MS=0", "script", "-qec", cmd,
                         "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("/6 repositories, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6/6 repositories, "), std::string::npos) << "the final count is drawn: " << r.out;
  EXPECT_NE(r.out.find("\r\033[K"), std::string::npos);
  auto piped = testing::Run({"env", "-u", "CI", "TERM=xterm", "COHORTGUARD_PROGRESS_DELAY_MS=0", COHORTGUARD_BINARY, "sweep",
                             farm.Mirrors(), "--fail-on", "never", "--state", farm.dir().str() + "/other.sqlite"});
  EXPECT_EQ(piped.err.find(" repositories, "), std::string::npos) << piped.err;
  auto quiet = testing::Run({"env", "-u", "CI", "TERM=xterm", "COHORTGUARD_PROGRESS_DELAY_MS=0", "script", "-qec",
                             cmd + " --no-progress", "/dev/null"});
  EXPECT_EQ(quiet.out.find(" repositories, "), std::string::npos) << quiet.out;
}

}  // namespace
}  // namespace cg
