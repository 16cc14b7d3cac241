#include "policy/github_visibility.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy/github_api.h"
#include "policy/remote_url.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Visibility ParseVisibility(const std::string& s) {
  if (s == "public") return Visibility::kPublic;
  if (s == "private") return Visibility::kPrivate;
  if (s == "internal") return Visibility::kInternal;
  return Visibility::kUnknown;
}

// --- cache: lines "api_base \t owner/repo \t visibility \t unix_time" ---

struct CacheLine {
  std::string api, repo, visibility;
  int64_t time = 0;
};

std::vector<CacheLine> ReadCache(const std::string& file) {
  std::vector<CacheLine> lines;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    CacheLine c;
    std::string time;
    if (!std::getline(fields, c.api, '\t') || !std::getline(fields, c.repo, '\t') ||
        !std::getline(fields, c.visibility, '\t') || !std::getline(fields, time))
      continue;  // a damaged line is ignored, never trusted
    char* end = nullptr;
    c.time = std::strtoll(time.c_str(), &end, 10);
    if (end == time.c_str() || ParseVisibility(c.visibility) == Visibility::kUnknown) continue;
    lines.push_back(std::move(c));
  }
  return lines;
}

void WriteCache(const std::string& file, const CacheLine& entry, int64_t ttl) {
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  std::vector<CacheLine> lines;
  int64_t now = Now();
  for (auto& c : ReadCache(file))
    if (now - c.time < ttl && !(c.api == entry.api && c.repo == entry.repo)) lines.push_back(std::move(c));
  lines.push_back(entry);
  std::string tmp = file + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const auto& c : lines) out << c.api << '\t' << c.repo << '\t' << c.visibility << '\t' << c.time << '\n';
    if (!out) { fs::remove(tmp, ec); return; }
  }
  fs::rename(tmp, file, ec);  // a cache that cannot be written only costs a request next time
  if (ec) fs::remove(tmp, ec);
}

// --- HTTP ---

VisibilityAnswer AskGithub(const std::string& url, const GithubCheckOptions& o) {
  VisibilityAnswer a;
  GithubAnswer answer = GithubGet(url, o.token, static_cast<long>(o.timeout_ms));
  if (!answer.failure.empty()) {
    a.reason = "GitHub API request failed: " + answer.failure;
    return a;
  }
  const long status = answer.status;
  const std::string& body = answer.body;
  if (status == 404) {
    a.reason = o.token.empty()
                   ? "GitHub API answered 404: no such repository, or a private one (set GITHUB_TOKEN or GH_TOKEN so it can be seen)"
                   : "GitHub API answered 404: no such repository, or the token cannot see it";
    return a;
  }
  if (status != 200) {
    a.reason = "GitHub API answered HTTP " + std::to_string(status) +
               (status == 401 || status == 403 ? " (bad token or rate limit)" : "");
    return a;
  }
  auto doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) {
    a.reason = "GitHub API answer is not a JSON object";
    return a;
  }
  // Top-level fields only: a fork's "parent" and "source" carry visibilities of their own.
  if (auto v = doc.find("visibility"); v != doc.end() && v->is_string()) a.visibility = ParseVisibility(*v);
  if (a.visibility == Visibility::kUnknown) {
    if (auto p = doc.find("private"); p != doc.end() && p->is_boolean())
      a.visibility = p->get<bool>() ? Visibility::kPrivate : Visibility::kPublic;
  }
  a.reason = a.visibility == Visibility::kUnknown ? "GitHub API answer names no visibility"
                                                  : std::string("GitHub API says ") + VisibilityName(a.visibility);
  return a;
}

}  // namespace

const char* VisibilityName(Visibility v) {
  switch (v) {
    case Visibility::kPublic: return "public";
    case Visibility::kPrivate: return "private";
    case Visibility::kInternal: return "internal";
    case Visibility::kUnknown: break;
  }
  return "unknown";
}

std::string DefaultVisibilityCacheFile() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/cohortguard/github-visibility.tsv";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.cache/cohortguard/github-visibility.tsv";
  return "";
}

VisibilityAnswer CheckGithubVisibility(const std::string& owner, const std::string& repo,
                                       const GithubCheckOptions& options) {
  std::string api = options.api_base;
  while (!api.empty() && api.back() == '/') api.pop_back();
  std::string key = Lower(owner + "/" + repo);
  bool cache = options.cache_ttl_s > 0 && !options.cache_file.empty();
  if (cache) {
    int64_t now = Now();
    for (const auto& c : ReadCache(options.cache_file)) {
      if (c.api != api || c.repo != key || now - c.time >= options.cache_ttl_s || c.time > now) continue;
      VisibilityAnswer a;
      a.visibility = ParseVisibility(c.visibility);
      a.reason = "GitHub API said " + c.visibility + " " + std::to_string(now - c.time) + " s ago (cached)";
      a.from_cache = true;
      return a;
    }
  }
  VisibilityAnswer a = AskGithub(api + "/repos/" + owner + "/" + repo, options);
  if (cache && a.visibility != Visibility::kUnknown)
    WriteCache(options.cache_file, {api, key, VisibilityName(a.visibility), Now()}, options.cache_ttl_s);
  return a;
}

}  // namespace cg
