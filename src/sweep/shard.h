// Shard: which part of a sweep this process does, for clusters (Kubernetes indexed Jobs, Slurm
// arrays) and for parallel runs on one machine.
//
// Repositories are partitioned by a stable hash (FNV-1a, 64 bit) of their path relative to the
// swept folder, so every shard of every run agrees on the partition without talking to the
// others, and a repository always lands in the same shard (its shard-local state stays useful).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace cg {

struct ShardSpec {
  uint32_t index = 0;  // 0-based
  uint32_t count = 1;
  bool Contains(std::string_view repository) const;
  std::string Display() const { return std::to_string(index) + "/" + std::to_string(count); }
};

uint64_t StableHash(std::string_view text);

// Reads an environment variable; injectable for tests.
using EnvLookup = const char* (*)(const char* name);

// Parses "K/N" (0 <= K < N) or "auto". "auto" reads, in order:
//   JOB_COMPLETION_INDEX (Kubernetes indexed Job) with the count from COHORTGUARD_SHARD_COUNT
//     (set it to the Job's .spec.completions; Kubernetes does not export it);
//   SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT, the index taken relative to
//     SLURM_ARRAY_TASK_MIN (so --array=1-8 and --array=0-7 both work; steps must be 1).
// Errors name the variable and what is wrong with it.
Expected<ShardSpec> ParseShard(const std::string& text, EnvLookup env);

}  // namespace cg
