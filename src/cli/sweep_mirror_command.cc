// cohortguard sweep mirror MIRRORS_DIR --org NAME... --user NAME...: list the accounts' public
// repositories through the GitHub API and clone or update their mirrors (sweep/mirror_update.h).
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "policy/remote_url.h"
#include "sweep/github_listing.h"
#include "sweep/mirror_update.h"

namespace cg {
namespace po = boost::program_options;

namespace {

struct MirrorCommandOptions {
  std::string root;
  std::vector<std::string> orgs, users;
  std::string api;
  int64_t budget_s = 600;
  int64_t max_wait_s = 900;
};

po::options_description Describe(MirrorCommandOptions& o) {
  po::options_description d(
      "cohortguard sweep mirror MIRRORS_DIR (--org NAME | --user NAME)... [options]\n\n"
      "Lists the public repositories of GitHub organisations and users through the REST API (pages,\n"
      "ETags and rate limits honoured; the token from GITHUB_TOKEN or GH_TOKEN, never printed), clones\n"
      "new ones as MIRRORS_DIR/OWNER/NAME.git (git clone --mirror), updates known ones (git remote\n"
      "update --prune), moves renamed ones and marks the ones no longer listed as deleted. Prints one\n"
      "line per repository; exit 3 when a listing, clone or update failed");
  d.add_options()
      ("help,h", "show this help")
      ("org", po::value(&o.orgs)->value_name("NAME"), "a GitHub organisation (repeatable)")
      ("user", po::value(&o.users)->value_name("NAME"), "a GitHub user (repeatable)")
      ("api", po::value(&o.api)->value_name("URL"),
       "API base URL (default: $COHORTGUARD_GITHUB_API, else https://api.github.com; GitHub Enterprise: https://HOST/api/v3)")
      ("budget", po::value(&o.budget_s)->default_value(o.budget_s)->value_name("SECONDS"),
       "time budget of each clone or update; a repository over it is reported as failed")
      ("max-rate-wait", po::value(&o.max_wait_s)->default_value(o.max_wait_s)->value_name("SECONDS"),
       "wait at most this long for an exhausted API rate limit to reset; longer is a failure");
  return d;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

int RunSweepMirrorCommand(const std::vector<std::string>& args) {
  MirrorCommandOptions o;
  po::options_description desc = Describe(o);
  po::variables_map vm;
  if (auto done = ParseFolderCommand("sweep mirror", args, desc, "the folder of mirrors", &o.root, &vm)) return *done;
  if (o.orgs.empty() && o.users.empty()) return UsageError("sweep mirror: give at least one --org or --user");
  if (o.budget_s <= 0) return UsageError("sweep mirror: --budget must be at least 1 second");
  if (o.max_wait_s < 0) return UsageError("sweep mirror: --max-rate-wait must not be negative");

  ListingOptions lo;
  lo.api_base = !o.api.empty() ? o.api : !Env("COHORTGUARD_GITHUB_API").empty() ? Env("COHORTGUARD_GITHUB_API") : lo.api_base;
  if (lo.api_base.rfind("https://", 0) != 0 && lo.api_base.rfind("http://", 0) != 0)
    return UsageError("sweep mirror: --api must be an http(s) URL, not " + RedactUrl(lo.api_base));
  lo.token = !Env("GITHUB_TOKEN").empty() ? Env("GITHUB_TOKEN") : Env("GH_TOKEN");
  lo.store_dir = (std::filesystem::path(o.root) / ".cohortguard" / "api").string();
  lo.max_wait_s = o.max_wait_s;

  std::vector<GithubAccount> accounts;
  for (const auto& n : o.orgs) accounts.push_back({true, n});
  for (const auto& n : o.users) accounts.push_back({false, n});
  std::vector<GithubAccount> listed_accounts;
  std::vector<std::vector<ListedRepository>> listed;
  ListingStats stats;
  size_t failures = 0, repositories = 0;
  for (const GithubAccount& a : accounts) {
    auto l = ListRepositories(lo, a, &stats);
    if (!l.ok()) {
      // Its mirrors are left as they are: a failed listing never marks anything deleted.
      std::cerr << "cohortguard: sweep mirror: " << (a.organisation ? "organisation " : "user ") << a.name << ": "
                << RedactUrlsIn(l.status().message()) << "\n";
      ++failures;
      continue;
    }
    repositories += l->size();
    listed_accounts.push_back(a);
    listed.push_back(std::move(*l));
  }
  MirrorUpdateOptions mo;
  mo.root = o.root;
  mo.budget_ms = o.budget_s * 1000;
  mo.now = static_cast<int64_t>(std::time(nullptr));
  auto events = UpdateMirrors(mo, listed_accounts, listed);
  if (!events.ok()) return UsageError("sweep mirror: " + events.status().message());
  std::map<std::string, size_t> counts;
  for (const MirrorEvent& e : *events) {
    ++counts[MirrorEventName(e.kind)];
    std::cout << MirrorEventName(e.kind) << " " << e.repository;
    if (e.kind == MirrorEvent::Kind::kRenamed) std::cout << " (was " << e.detail << ")";
    std::cout << "\n";
    if (e.kind == MirrorEvent::Kind::kFailed) {
      std::cerr << "cohortguard: sweep mirror: " << e.repository << ": " << e.detail << "\n";
      ++failures;
    }
  }
  std::cerr << "cohortguard: sweep mirror: " << repositories << " repositories listed for " << listed_accounts.size()
            << " of " << accounts.size() << " accounts (" << stats.requests << " API requests, " << stats.not_modified
            << " not modified, " << stats.rate_waits << " rate-limit waits)";
  for (const char* k : {"cloned", "updated", "renamed", "archived", "deleted", "failed"}) std::cerr << ", " << counts[k] << " " << k;
  std::cerr << "\n";
  return failures ? kExitIncomplete : kExitClean;
}

}  // namespace cg
