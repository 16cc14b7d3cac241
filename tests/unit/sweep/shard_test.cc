#include "sweep/shard.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace cg {
namespace {

std::map<std::string, std::string> g_env;
const char* FakeEnv(const char* name) {
  auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}

TEST(Shard, ParsesExplicitAndEnvironmentSpecs) {
  struct Case {
    std::string spec;
    std::map<std::string, std::string> env;
    uint32_t index, count;
  };
  const std::vector<Case> cases = {
      {"", {}, 0, 1},
      {"0/1", {}, 0, 1},
      {"2/4", {}, 2, 4},
      {"auto", {{"JOB_COMPLETION_INDEX", "3"}, {"COHORTGUARD_SHARD_COUNT", "8"}}, 3, 8},
      {"auto", {{"SLURM_ARRAY_TASK_ID", "5"}, {"SLURM_ARRAY_TASK_MIN", "1"}, {"SLURM_ARRAY_TASK_COUNT", "8"}}, 4, 8},
      {"auto", {{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "2"}}, 0, 2},
  };
  for (const auto& c : cases) {
    g_env = c.env;
    auto s = ParseShard(c.spec, FakeEnv);
    ASSERT_TRUE(s.ok()) << c.spec << ": " << s.status().message();
    EXPECT_EQ(s->index, c.index) << c.spec;
    EXPECT_EQ(s->count, c.count) << c.spec;
  }
}

TEST(Shard, BadSpecsNameWhatIsWrong) {
  struct Case {
    std::string spec;
    std::map<std::string, std::string> env;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"4/4", {}, "not below the count"},
      {"1/0", {}, "at least 1"},
      {"a/b", {}, "K/N"},
      {"3", {}, "K/N"},
      {"auto", {}, "neither JOB_COMPLETION_INDEX"},
      {"auto", {{"JOB_COMPLETION_INDEX", "1"}}, "COHORTGUARD_SHARD_COUNT is not set"},
      {"auto", {{"JOB_COMPLETION_INDEX", "x"}, {"COHORTGUARD_SHARD_COUNT", "2"}}, "not a whole number"},
      {"auto", {{"SLURM_ARRAY_TASK_ID", "3"}}, "SLURM_ARRAY_TASK_COUNT is not set"},
  };
  for (const auto& c : cases) {
    g_env = c.env;
    auto s = ParseShard(c.spec, FakeEnv);
    ASSERT_FALSE(s.ok()) << c.spec;
    EXPECT_NE(s.status().message().find(c.says), std::string::npos) << c.spec << ": " << s.status().message();
  }
}

TEST(Shard, EveryRepositoryFallsInExactlyOneShardAndTheHashIsStable) {
  std::vector<std::string> repos;
  for (int i = 0; i < 500; ++i) repos.push_back("org" + std::to_string(i % 7) + "/repo" + std::to_string(i) + ".git");
  for (uint32_t n : {1u, 2u, 3u, 16u}) {
    std::vector<int> per_shard(n, 0);
    for (const auto& r : repos) {
      int hits = 0;
      for (uint32_t k = 0; k < n; ++k) hits += ShardSpec{k, n}.Contains(r) ? (++per_shard[k], 1) : 0;
      EXPECT_EQ(hits, 1) << r;
    }
    for (uint32_t k = 0; k < n; ++k) EXPECT_GT(per_shard[k], static_cast<int>(500 / n / 2)) << k << "/" << n;
  }
  // FNV-1a 64 test vectors: a published value pins the partition across builds and machines.
  EXPECT_EQ(StableHash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cull);
}

}  // namespace
}  // namespace cg
