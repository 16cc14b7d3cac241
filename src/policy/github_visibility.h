// GitHub repository visibility through the REST API (GET {api}/repos/{owner}/{repo}), with a
// small file cache, for the push policy: a repository on github.com is public unless GitHub says
// otherwise.
//
// Any failure (no network, timeout, 404 without a token that can see the repository, rate limit,
// a body that is not the expected JSON) is kUnknown with a reason; the caller fails closed.
// Only definite answers (public, private, internal) are cached, for `cache_ttl_s` seconds, in
// one tab-separated file written atomically (temporary file + rename), so concurrent hooks never
// see half a file. Nothing here touches the git repository.
//
// Thread-compatible: one call at a time per cache file is the expected use (one hook process).
#pragma once

#include <cstdint>
#include <string>

namespace cg {

enum class Visibility { kUnknown, kPublic, kPrivate, kInternal };
const char* VisibilityName(Visibility v);

struct GithubCheckOptions {
  std::string api_base = "https://api.github.com";  // GitHub Enterprise: https://HOST/api/v3
  std::string token;           // sent as "Authorization: Bearer" when non-empty
  int timeout_ms = 3000;       // whole request, connect included
  int64_t cache_ttl_s = 600;   // 0: no caching
  std::string cache_file;      // empty: no caching (see DefaultVisibilityCacheFile)
};

struct VisibilityAnswer {
  Visibility visibility = Visibility::kUnknown;
  std::string reason;          // one line, for messages: why this answer (or why none)
  bool from_cache = false;
};

// $XDG_CACHE_HOME/cohortguard/github-visibility.tsv, else ~/.cache/cohortguard/...; empty when
// neither variable is set.
std::string DefaultVisibilityCacheFile();

// `owner` and `repo` as they appear in the remote URL (matched case-insensitively in the cache).
VisibilityAnswer CheckGithubVisibility(const std::string& owner, const std::string& repo,
                                       const GithubCheckOptions& options);

}  // namespace cg
