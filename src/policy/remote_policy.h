// RemotePolicy: is a git remote public, internal or private, and what blocks a push to it.
//
// Classification of one URL, first rule that applies:
//   1. `remotes.public` patterns                  -> public
//   2. `remotes.private` patterns                 -> private
//   3. `remotes.internal` patterns                -> internal
//   4. a public host (built-in list + `remotes.public_hosts`, subdomains included):
//        GitHub host with the visibility check on -> what GitHub says; no answer -> public
//        otherwise                                -> public
//   5. a local path or file:// URL                -> private
//   6. any other host (self-hosted servers)       -> internal
// Patterns are globs ('*' within a segment, '**' across) over RemoteUrl::Key(): "host/owner/repo"
// without scheme, user, port or ".git" (lower-cased), or the path of a local remote. A pattern
// written as a URL ("git@github.com:my-lab/*") is reduced to the same form.
//
// Several URLs for one push (the URL git passes, remote.<name>.url, pushurl, after and before
// insteadOf rewriting) and, for ssh URLs, every HostName the ssh configuration may give the
// host: the most exposed class wins, so an alias can never hide a public host. URLs in
// RemoteClassification are redacted (no userinfo).
//
// Thread-compatible. The visibility check is the only I/O (see github_visibility.h).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/finding.h"
#include "core/status.h"
#include "policy/github_visibility.h"
#include "policy/threshold.h"

namespace cg {

// Ordered by exposure: a larger value is more exposed.
enum class RemoteClass { kPrivate = 0, kInternal = 1, kPublic = 2 };
const char* RemoteClassName(RemoteClass c);

struct RemotePolicy {
  std::vector<std::string> public_hosts;   // built-in list plus configured ones
  std::vector<std::string> public_patterns, private_patterns, internal_patterns;
  Threshold public_fail_on = Severity::kMedium;
  Threshold internal_fail_on = Severity::kHigh;
  Threshold private_fail_on = std::nullopt;
  // Public remotes only: any table with more rows than this blocks, flagged or not. 0: off.
  int64_t public_max_table_rows = 0;

  bool github_check = false;               // ask GitHub whether a repository is private
  std::vector<std::string> github_hosts = {"github.com"};
  GithubCheckOptions github;               // token filled from GITHUB_TOKEN / GH_TOKEN
  bool github_api_trusted = false;         // api base from the environment, not the repository
  // ssh URLs: host aliases are resolved through HOME/.ssh/config and this file (policy/ssh_config).
  std::string ssh_home;                    // from HOME; "": no user file
  std::string ssh_system_config = "/etc/ssh/ssh_config";

  Threshold FailOn(RemoteClass c) const;
};

// Built-in defaults: public hosting sites, public at medium, internal at high, private never;
// visibility check off; GitHub token from GITHUB_TOKEN, else GH_TOKEN; API base from
// COHORTGUARD_GITHUB_API when set; cache in DefaultVisibilityCacheFile().
RemotePolicy DefaultRemotePolicy();

// Applies the `remotes` mapping of a configuration file to `policy` (policy/config.cc calls it
// for the `remotes` section; lists extend, scalars override). `file` names the file in
// messages ("FILE:LINE: remotes.fail_on.public: ..."). An undefined/null node changes nothing.
Status ParseRemotePolicy(const YAML::Node& remotes, const std::string& file, RemotePolicy* policy);

struct RemoteClassification {
  RemoteClass remote_class = RemoteClass::kPublic;
  std::string url;      // the URL that decided
  std::string reason;   // one line: why
};

// Asks GitHub for owner/repo; injectable so tests and callers can replace the network.
using VisibilityCheckFn =
    std::function<VisibilityAnswer(const std::string& owner, const std::string& repo, const GithubCheckOptions&)>;

RemoteClassification ClassifyRemoteUrl(const std::string& url, const RemotePolicy& policy,
                                       const VisibilityCheckFn& check = CheckGithubVisibility);

// The most exposed classification of `urls` (duplicates asked once). REQUIRES: !urls.empty().
RemoteClassification ClassifyRemoteUrls(const std::vector<std::string>& urls, const RemotePolicy& policy,
                                        const VisibilityCheckFn& check = CheckGithubVisibility);

}  // namespace cg
