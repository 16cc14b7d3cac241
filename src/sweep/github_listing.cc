#include "sweep/github_listing.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "policy/github_api.h"
#include "policy/remote_url.h"
#include "sweep/provenance.h"
#include "sweep/shard.h"

namespace cg {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The URL of rel="next" in a Link header, or "".
std::string NextLink(const std::string& link) {
  size_t pos = 0;
  while (pos < link.size()) {
    const size_t open = link.find('<', pos), close = link.find('>', open);
    if (open == std::string::npos || close == std::string::npos) break;
    const size_t end = link.find(',', close);
    const std::string params = link.substr(close + 1, end == std::string::npos ? std::string::npos : end - close - 1);
    if (params.find("rel=\"next\"") != std::string::npos) return link.substr(open + 1, close - open - 1);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return "";
}

// The origin ("scheme://host[:port]") of a URL, to keep pagination on the API it started on.
std::string OriginOf(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const size_t slash = url.find('/', scheme + 3);
  return url.substr(0, slash);
}

struct PageText {
  std::string body;
  std::string next;  // rel="next" of its Link header
};

// Stored pages: one file per URL, the ETag on the first line, the next link on the second, the body after.
std::string StoreFile(const ListingOptions& o, const std::string& url) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.page", static_cast<unsigned long long>(StableHash(url)));
  return (fs::path(o.store_dir) / name).string();
}

bool ReadStored(const std::string& file, std::string* etag, PageText* page) {
  std::ifstream in(file, std::ios::binary);
  if (!in || !std::getline(in, *etag) || etag->empty() || !std::getline(in, page->next)) return false;
  page->body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void Store(const std::string& file, const std::string& etag, const PageText& page) {
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  const std::string tmp = file + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << etag << "\n" << page.next << "\n" << page.body;
    if (!out) {
      fs::remove(tmp, ec);
      return;  // a page that cannot be stored only costs a full answer next time
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

// Seconds to wait before asking again when `a` says the rate limit is exhausted; -1 when it does not.
int64_t RateLimitWait(const GithubAnswer& a) {
  if (a.status != 403 && a.status != 429) return -1;
  auto header = [&](const char* name) {
    auto it = a.headers.find(name);
    return it == a.headers.end() ? std::string() : it->second;
  };
  if (std::string retry = header("retry-after"); !retry.empty()) return std::max<int64_t>(1, std::atoll(retry.c_str()));
  if (header("x-ratelimit-remaining") == "0") {
    const int64_t reset = std::atoll(header("x-ratelimit-reset").c_str());
    return std::max<int64_t>(1, reset - Now() + 1);
  }
  return -1;
}

Expected<PageText> Page(const ListingOptions& o, const std::string& url, ListingStats* stats) {
  const std::string shown = RedactUrl(url);
  const std::string file = o.store_dir.empty() ? "" : StoreFile(o, url);
  std::string etag;
  PageText stored;
  const bool have = !file.empty() && ReadStored(file, &etag, &stored);
  for (;;) {
    ++stats->requests;
    GithubAnswer a = GithubGet(url, o.token, o.timeout_ms, have ? etag : "");
    if (!a.failure.empty()) return Status::IoError("GitHub API request " + shown + " failed: " + a.failure);
    if (a.status == 304 && have) {
      ++stats->not_modified;
      return stored;
    }
    if (a.status == 200) {
      PageText page{std::move(a.body), NextLink(a.headers["link"])};
      if (!file.empty() && !a.headers["etag"].empty()) Store(file, a.headers["etag"], page);
      return page;
    }
    if (int64_t wait = RateLimitWait(a); wait >= 0) {
      if (wait > o.max_wait_s)
        return Status::IoError("GitHub API rate limit exhausted at " + shown + ": it resets at " + IsoUtc(Now() + wait) +
                               (o.token.empty() ? " (a token in GITHUB_TOKEN raises the limit)" : ""));
      ++stats->rate_waits;
      std::this_thread::sleep_for(std::chrono::seconds(wait));
      continue;
    }
    if (a.status == 404) return Status::NotFound("GitHub API answered 404 for " + shown + ": no such account");
    return Status::IoError("GitHub API answered HTTP " + std::to_string(a.status) + " for " + shown +
                           (a.status == 401 ? " (bad token)" : ""));
  }
}

}  // namespace

Expected<std::vector<ListedRepository>> ListRepositories(const ListingOptions& o, const GithubAccount& account,
                                                         ListingStats* stats) {
  std::string base = o.api_base;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base + (account.organisation ? "/orgs/" : "/users/") + account.name +
                    (account.organisation ? "/repos?type=public&per_page=100" : "/repos?type=owner&per_page=100");
  const std::string origin = OriginOf(base);
  std::vector<ListedRepository> out;
  for (int pages = 0; !url.empty(); ++pages) {
    if (pages == 10000) return Status::IoError("GitHub API listing of " + account.name + " does not end (10,000 pages)");
    auto page = Page(o, url, stats);
    if (!page.ok()) return page.status();
    json doc = json::parse(page->body, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_array()) return Status::Corrupt("GitHub API answer for " + RedactUrl(url) + " is not a list of repositories");
    for (const json& r : doc) {
      if (!r.is_object() || !r.contains("id") || !r["id"].is_number_integer() || !r.contains("full_name") ||
          !r["full_name"].is_string() || !r.contains("clone_url") || !r["clone_url"].is_string())
        return Status::Corrupt("GitHub API answer for " + RedactUrl(url) + " holds a repository without id, full_name or clone_url");
      if (r.value("private", false)) continue;
      ListedRepository l;
      l.id = r["id"].get<int64_t>();
      l.full_name = r["full_name"].get<std::string>();
      l.clone_url = r["clone_url"].get<std::string>();
      l.html_url = r.contains("html_url") && r["html_url"].is_string() ? r["html_url"].get<std::string>() : "";
      l.archived = r.value("archived", false);
      l.fork = r.value("fork", false);
      out.push_back(std::move(l));
    }
    if (!page->next.empty() && OriginOf(page->next) != origin)
      return Status::Corrupt("GitHub API listing of " + account.name + " points its next page at another host: " +
                             RedactUrl(page->next));
    url = page->next;
  }
  return out;
}

}  // namespace cg
