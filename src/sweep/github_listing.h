// GithubListing: the public repositories of GitHub organisations and users, through the REST API
// (GET /orgs/NAME/repos?type=public, /users/NAME/repos?type=owner), for `sweep mirror`.
//
// Follows the pagination of the Link header (rel="next", only to the same API base); sends the
// ETag of the last answer for each page (If-None-Match) and reuses the stored page on 304, which
// GitHub does not count against the rate limit; waits for a rate limit to reset (403/429 with
// X-RateLimit-Remaining: 0 until X-RateLimit-Reset, or Retry-After) when that is within
// `max_wait_s`, and otherwise fails naming when it resets. The token goes in the Authorization
// header only: never in a URL, a message or the page store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace cg {

struct ListedRepository {
  int64_t id = 0;          // GitHub's repository id: stays the same across renames and transfers
  std::string full_name;   // OWNER/NAME
  std::string clone_url;
  std::string html_url;
  bool archived = false;
  bool fork = false;
};

struct GithubAccount {
  bool organisation = true;  // else a user
  std::string name;
};

struct ListingOptions {
  std::string api_base = "https://api.github.com";  // GitHub Enterprise: https://HOST/api/v3
  std::string token;
  std::string store_dir;      // pages and their ETags from earlier runs ("" keeps none)
  long timeout_ms = 30000;
  int64_t max_wait_s = 900;   // longest wait for a rate limit to reset
};

struct ListingStats {
  uint64_t requests = 0;
  uint64_t not_modified = 0;  // pages answered 304 and taken from the store
  uint64_t rate_waits = 0;
};

// The account's repositories (private ones, which a token may show, left out), in the API's order.
Expected<std::vector<ListedRepository>> ListRepositories(const ListingOptions& options, const GithubAccount& account,
                                                         ListingStats* stats);

}  // namespace cg
