// GithubGet: one GET of the GitHub REST API (github.com or an Enterprise base URL), shared by the
// push policy's visibility check and the sweep's repository listing.
//
// Sends the API's Accept and version headers, "Authorization: Bearer TOKEN" when a token is
// given (the token is never part of a message), If-None-Match when an ETag is given; follows no
// redirect, speaks only http and https, and bypasses proxies for the loopback addresses (where
// the tests' fake API listens). Bodies over 16 MiB are refused.
#pragma once

#include <map>
#include <string>

namespace cg {

struct GithubAnswer {
  std::string failure;                         // the request did not complete (no status): why
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased; the last value of each
};

GithubAnswer GithubGet(const std::string& url, const std::string& token, long timeout_ms,
                       const std::string& if_none_match = "");

}  // namespace cg
