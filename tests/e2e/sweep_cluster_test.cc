// Sweeps split into shards, merged back, and killed mid-way.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/test_support.h"
#include "sweep/sweep_state.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::DumpState;
using testing::MirrorFarm;
using testing::MustGit;
using testing::Slurp;

TEST(SweepCluster, ParallelShardsCoverEveryRepositoryOnceAndMergeEqualsOneMachine) {
  MirrorFarm farm;
  const std::string out = farm.dir().str();
  auto single = Cohortguard({"sweep", farm.Mirrors(), "--state", out + "/single.sqlite", "--format", "json",
                             "-o", out + "/single.json", "--fail-on", "never"});
  ASSERT_EQ(single.exit_code, 0) << single.err;

  constexpr int kShards = 3;
  std::vector<std::thread> pool;
  std::vector<testing::RunResult> runs(kShards);
  for (int k = 0; k < kShards; ++k)
    pool.emplace_back([&, k] {
      const std::string n = std::to_string(k);
      runs[k] = Cohortguard({"sweep", farm.Mirrors(), "--shard", n + "/" + std::to_string(kShards), "--state",
                             out + "/shard" + n + ".sqlite", "--format", "json", "-o", out + "/shard" + n + ".json",
                             "--fail-on", "never", "--threads", "1"});
    });
  for (auto& t : pool) t.join();
  std::multiset<std::string> swept;
  for (int k = 0; k < kShards; ++k) {
    ASSERT_EQ(runs[k].exit_code, 0) << runs[k].err;
    auto state = SweepState::Open(out + "/shard" + std::to_string(k) + ".sqlite");
    ASSERT_TRUE(state.ok());
    auto known = (*state)->KnownRepositories();
    ASSERT_TRUE(known.ok());
    for (const auto& r : *known) swept.insert(r);
  }
  const auto expected = farm.repositories();
  EXPECT_EQ(swept, std::multiset<std::string>(expected.begin(), expected.end()));
  // --list-repositories (what the packaging scripts update first) names the same partition.
  std::multiset<std::string> listed;
  for (int k = 0; k < kShards; ++k) {
    auto r = Cohortguard({"sweep", farm.Mirrors(), "--list-repositories", "--shard", std::to_string(k) + "/3"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) listed.insert(line);
  }
  EXPECT_EQ(listed, swept);

  auto merged = Cohortguard({"report", "merge", out + "/shard0.json", out + "/shard1.json", out + "/shard2.json",
                             "-o", out + "/merged.json"});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  json m = json::parse(Slurp(out + "/merged.json")), s = json::parse(Slurp(out + "/single.json"));
  ASSERT_EQ(s["findings"].size(), 2u);
  EXPECT_EQ(m["findings"], s["findings"]);
  EXPECT_EQ(m["errors"], s["errors"]);
  EXPECT_EQ(m["skipped"], s["skipped"]);
  // A fork lands in its upstream's shard, so no shard reads what another one did (the farm's
  // repositories share blobs only within alpha's fork network).
  EXPECT_EQ(m["stats"]["blobs"], s["stats"]["blobs"]);
}

TEST(SweepCluster, ForksOfOneNetworkShareAShardWhateverTheShardCount) {
  MirrorFarm farm;
  for (int n = 2; n <= 8; ++n) {
    int alpha = -1, fork = -1, listed = 0;
    for (int k = 0; k < n; ++k) {
      auto r = Cohortguard({"sweep", farm.Mirrors(), "--list-repositories", "--shard", std::to_string(k) + "/" + std::to_string(n)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      std::istringstream in(r.out);
      for (std::string line; std::getline(in, line); ++listed) {
        if (line == "org/alpha.git") alpha = k;
        if (line == "forks/alpha-fork.git") fork = k;
      }
    }
    EXPECT_EQ(listed, 6) << n;
    EXPECT_GE(alpha, 0);
    EXPECT_EQ(alpha, fork) << n << " shards";
  }
  // An empty repository has no root commit: it is its own network and still lands in one shard.
  MustGit({"init", "-q", "--bare", farm.Mirrors() + "/org/empty.git"}, ".");
  int seen = 0;
  for (int k = 0; k < 3; ++k) {
    auto r = Cohortguard({"sweep", farm.Mirrors(), "--list-repositories", "--shard", std::to_string(k) + "/3"});
    seen += r.out.find("org/empty.git\n") != std::string::npos;
  }
  EXPECT_EQ(seen, 1);
}

TEST(SweepCluster, ReportMergeRefusesWhatIsNotAReport) {
  testing::TempDir dir;
  auto bad = dir.Write("bad.json", "{\"schema\": \"something/else\"}");
  auto junk = dir.Write("junk.txt", "not json at all\n");
  for (const auto& p : {bad, junk}) {
    auto r = Cohortguard({"report", "merge", p.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(p.string()), std::string::npos) << r.err;
  }
}

// Each fault kills the sweep with SIGKILL at one of its worst moments; the rerun must end in the
// state an uninterrupted sweep reaches (same blobs, findings, repositories and blobs-read total:
// nothing lost, nothing counted twice), and between them report every finding exactly once.
TEST(SweepCluster, SweepKilledAndRerunEndsInTheSameStateAsAnUninterruptedOne) {
  MirrorFarm farm;
  const std::string out = farm.dir().str();
  auto clean = Cohortguard({"sweep", farm.Mirrors(), "--state", out + "/clean.sqlite", "--format", "jsonl",
                            "--batch", "3", "--threads", "1"});
  ASSERT_EQ(clean.exit_code, 1) << clean.err;
  const std::string want = DumpState(out + "/clean.sqlite");
  ASSERT_NE(want.find("meta blobs_scanned="), std::string::npos);

  for (const std::string fault : {"mid-batch:2", "batch-commit:1", "batch-commit:4", "repository:1", "repository:2"}) {
    const std::string db = out + "/" + fault.substr(0, fault.find(':')) + fault.substr(fault.find(':') + 1) + ".sqlite";
    auto killed = testing::Run({"env", "COHORTGUARD_SWEEP_FAULT=" + fault, COHORTGUARD_BINARY, "sweep", farm.Mirrors(),
                                "--state", db, "--format", "jsonl", "--batch", "3", "--threads", "1"});
    EXPECT_EQ(killed.exit_code, 128 + 9) << fault << ": " << killed.err;
    auto rerun = Cohortguard({"sweep", farm.Mirrors(), "--state", db, "--format", "jsonl", "--batch", "3",
                              "--threads", "1"});
    EXPECT_EQ(DumpState(db), want) << fault;
    EXPECT_EQ(killed.out + rerun.out, clean.out) << fault;
  }
}

}  // namespace
}  // namespace cg
