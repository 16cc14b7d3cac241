#include "sweep/shard.h"

#include <charconv>

namespace cg {
namespace {

bool ParseU32(std::string_view s, uint32_t* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Expected<ShardSpec> Make(uint32_t index, uint32_t count, const std::string& from) {
  if (count == 0) return Status::InvalidArgument("--shard: the shard count from " + from + " must be at least 1");
  if (index >= count)
    return Status::InvalidArgument("--shard: index " + std::to_string(index) + " from " + from +
                                   " is not below the count " + std::to_string(count) + " (indexes are 0-based)");
  return ShardSpec{index, count};
}

Expected<uint32_t> EnvNumber(EnvLookup env, const char* name, bool required) {
  const char* v = env(name);
  if (!v || !*v) {
    if (required) return Status::InvalidArgument(std::string("--shard auto: ") + name + " is not set");
    return 0u;
  }
  uint32_t n = 0;
  if (!ParseU32(v, &n))
    return Status::InvalidArgument(std::string("--shard auto: ") + name + "='" + v + "' is not a whole number");
  return n;
}

}  // namespace

uint64_t StableHash(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool ShardSpec::Contains(std::string_view repository) const {
  return count <= 1 || StableHash(repository) % count == index;
}

Expected<ShardSpec> ParseShard(const std::string& text, EnvLookup env) {
  if (text.empty()) return ShardSpec{};
  if (text == "auto") {
    if (const char* k = env("JOB_COMPLETION_INDEX"); k && *k) {
      auto index = EnvNumber(env, "JOB_COMPLETION_INDEX", true);
      if (!index.ok()) return index.status();
      auto count = EnvNumber(env, "COHORTGUARD_SHARD_COUNT", true);
      if (!count.ok())
        return Status::InvalidArgument(count.status().message() +
                                       " (set it to the indexed Job's completions next to JOB_COMPLETION_INDEX)");
      return Make(*index, *count, "JOB_COMPLETION_INDEX/COHORTGUARD_SHARD_COUNT");
    }
    if (const char* k = env("SLURM_ARRAY_TASK_ID"); k && *k) {
      auto id = EnvNumber(env, "SLURM_ARRAY_TASK_ID", true);
      if (!id.ok()) return id.status();
      auto min = EnvNumber(env, "SLURM_ARRAY_TASK_MIN", false);
      if (!min.ok()) return min.status();
      auto count = EnvNumber(env, "SLURM_ARRAY_TASK_COUNT", true);
      if (!count.ok()) return count.status();
      if (*id < *min) return Status::InvalidArgument("--shard auto: SLURM_ARRAY_TASK_ID is below SLURM_ARRAY_TASK_MIN");
      return Make(*id - *min, *count, "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
    }
    return Status::InvalidArgument(
        "--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set");
  }
  size_t slash = text.find('/');
  uint32_t k = 0, n = 0;
  if (slash == std::string::npos || !ParseU32(std::string_view(text).substr(0, slash), &k) ||
      !ParseU32(std::string_view(text).substr(slash + 1), &n))
    return Status::InvalidArgument("--shard must be K/N (e.g. 0/4) or auto, not '" + text + "'");
  return Make(k, n, "'" + text + "'");
}

}  // namespace cg
