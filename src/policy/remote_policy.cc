#include "policy/remote_policy.h"

#include <cstdlib>
#include <set>

#include "policy/remote_url.h"
#include "policy/ssh_config.h"

namespace cg {
namespace {

// Hosting sites where a repository is, or can with one click become, readable by anyone.
const char* const kPublicHosts[] = {
    "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co", "hf.co",
    "gitea.com", "gitee.com", "sr.ht", "sourceforge.net", "launchpad.net", "pagure.io",
    "framagit.org", "notabug.org", "salsa.debian.org", "gitlab.gnome.org", "invent.kde.org",
    "dev.azure.com", "visualstudio.com", "githubusercontent.com",
};

std::string Where(const std::string& file, const YAML::Node& node, const std::string& key) {
  return file + ":" + std::to_string(node.Mark().line + 1) + ": remotes" + (key.empty() ? "" : "." + key);
}

Status ParseStringList(const YAML::Node& node, const std::string& where, std::vector<std::string>* out) {
  if (node.IsScalar()) {
    out->push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (!item.IsScalar() || item.Scalar().empty())
        return Status::InvalidArgument(where + ": every entry must be a non-empty string");
      out->push_back(item.Scalar());
    }
  } else if (!node.IsNull()) {
    return Status::InvalidArgument(where + ": must be a list of strings");
  }
  return Status::Ok();
}

Status ParseInt(const YAML::Node& node, const std::string& where, int64_t min, int64_t* out) {
  try {
    int64_t v = node.as<int64_t>();
    if (v < min) return Status::InvalidArgument(where + ": must be at least " + std::to_string(min));
    *out = v;
    return Status::Ok();
  } catch (const YAML::Exception&) {
    return Status::InvalidArgument(where + ": must be a whole number");
  }
}

Status ParseGithub(const YAML::Node& g, const std::string& file, RemotePolicy* p) {
  if (!g.IsMap()) return Status::InvalidArgument(Where(file, g, "github") + ": must be a mapping");
  for (const auto& kv : g) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    std::string where = Where(file, v, "github." + key);
    Status s;
    if (key == "visibility_check") {
      if (!v.IsScalar() || (v.Scalar() != "true" && v.Scalar() != "false"))
        return Status::InvalidArgument(where + ": must be true or false");
      p->github_check = v.Scalar() == "true";
    } else if (key == "api") {
      if (!v.IsScalar() || (v.Scalar().rfind("https://", 0) != 0 && v.Scalar().rfind("http://", 0) != 0))
        return Status::InvalidArgument(where + ": must be an http(s) URL");
      p->github.api_base = v.Scalar();
      p->github_api_trusted = false;
    } else if (key == "hosts") {
      p->github_hosts.clear();
      s = ParseStringList(v, where, &p->github_hosts);
      for (auto& h : p->github_hosts) h = Lower(h);
    } else if (key == "timeout_ms") {
      int64_t ms = 0;
      s = ParseInt(v, where, 1, &ms);
      p->github.timeout_ms = static_cast<int>(std::min<int64_t>(ms, 600000));
    } else if (key == "cache_ttl") {
      s = ParseInt(v, where, 0, &p->github.cache_ttl_s);
    } else {
      return Status::InvalidArgument(where + ": unknown key (expected visibility_check, api, hosts, timeout_ms, cache_ttl)");
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool AnyMatch(const std::vector<std::string>& patterns, const RemoteUrl& url, std::string* which) {
  std::string key = url.Key();
  for (const auto& raw : patterns) {
    auto parsed = ParseRemoteUrl(raw);
    std::string pattern = parsed.ok() ? parsed->Key() : raw;
    if (!url.local) pattern = Lower(pattern);
    if (GlobMatch(pattern, key)) {
      *which = raw;
      return true;
    }
  }
  return false;
}

bool IsGithubName(const std::string& s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

// The token goes only to GitHub itself, to an API base the user set in the environment, or to
// the server being pushed to (GitHub Enterprise): never to a host a repository's file named.
bool MaySendToken(const RemotePolicy& p, const RemoteUrl& remote) {
  if (p.github_api_trusted) return true;
  auto api = ParseRemoteUrl(p.github.api_base);
  if (!api.ok()) return false;
  return api->host == "api.github.com" || api->host == remote.host;
}

RemoteClassification Decide(RemoteClass c, const std::string& url, std::string reason) {
  return {c, RedactUrl(url), std::move(reason)};
}

}  // namespace

const char* RemoteClassName(RemoteClass c) {
  switch (c) {
    case RemoteClass::kPublic: return "public";
    case RemoteClass::kInternal: return "internal";
    case RemoteClass::kPrivate: return "private";
  }
  return "public";
}

Threshold RemotePolicy::FailOn(RemoteClass c) const {
  switch (c) {
    case RemoteClass::kPublic: return public_fail_on;
    case RemoteClass::kInternal: return internal_fail_on;
    case RemoteClass::kPrivate: return private_fail_on;
  }
  return public_fail_on;
}

RemotePolicy DefaultRemotePolicy() {
  RemotePolicy p;
  for (const char* h : kPublicHosts) p.public_hosts.push_back(h);
  for (const char* var : {"GITHUB_TOKEN", "GH_TOKEN"}) {
    const char* t = std::getenv(var);
    if (t && *t) {
      p.github.token = t;
      break;
    }
  }
  if (const char* api = std::getenv("COHORTGUARD_GITHUB_API"); api && *api) {
    p.github.api_base = api;
    p.github_api_trusted = true;
  }
  p.github.cache_file = DefaultVisibilityCacheFile();
  if (const char* home = std::getenv("HOME"); home && *home) p.ssh_home = home;
  return p;
}

Status ParseRemotePolicy(const YAML::Node& remotes, const std::string& file, RemotePolicy* p) {
  if (!remotes.IsDefined() || remotes.IsNull()) return Status::Ok();
  if (!remotes.IsMap()) return Status::InvalidArgument(Where(file, remotes, "") + ": must be a mapping");
  for (const auto& kv : remotes) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    std::string where = Where(file, v, key);
    Status s;
    if (key == "public_hosts") {
      std::vector<std::string> hosts;
      s = ParseStringList(v, where, &hosts);
      for (auto& h : hosts) p->public_hosts.push_back(Lower(h));
    } else if (key == "public") {
      s = ParseStringList(v, where, &p->public_patterns);
    } else if (key == "private") {
      s = ParseStringList(v, where, &p->private_patterns);
    } else if (key == "internal") {
      s = ParseStringList(v, where, &p->internal_patterns);
    } else if (key == "fail_on") {
      if (!v.IsMap()) return Status::InvalidArgument(where + ": must map public/internal/private to a severity");
      for (const auto& t : v) {
        std::string cls = t.first.Scalar();
        std::string w = Where(file, t.second, "fail_on." + cls);
        Threshold* target = cls == "public" ? &p->public_fail_on
                            : cls == "internal" ? &p->internal_fail_on
                            : cls == "private" ? &p->private_fail_on : nullptr;
        if (!target) return Status::InvalidArgument(w + ": unknown class (expected public, internal or private)");
        s = ParseThreshold(t.second.IsScalar() ? t.second.Scalar() : "", w + ":", target);
        if (!s.ok()) return s;
      }
    } else if (key == "public_max_table_rows") {
      s = ParseInt(v, where, 0, &p->public_max_table_rows);
    } else if (key == "github") {
      s = ParseGithub(v, file, p);
    } else {
      return Status::InvalidArgument(where + ": unknown key (expected public_hosts, public, private, internal, "
                                     "fail_on, public_max_table_rows, github)");
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

RemoteClassification ClassifyRemoteUrl(const std::string& raw, const RemotePolicy& p,
                                       const VisibilityCheckFn& check) {
  auto parsed = ParseRemoteUrl(raw);
  if (!parsed.ok())
    return Decide(RemoteClass::kPublic, raw, "cannot read the URL (" + RedactUrlsIn(parsed.status().message()) + "): treated as public");
  const RemoteUrl& url = *parsed;
  std::string pattern;
  if (AnyMatch(p.public_patterns, url, &pattern))
    return Decide(RemoteClass::kPublic, raw, "matches the configured public pattern '" + pattern + "'");
  if (AnyMatch(p.private_patterns, url, &pattern))
    return Decide(RemoteClass::kPrivate, raw, "matches the configured private pattern '" + pattern + "'");
  if (AnyMatch(p.internal_patterns, url, &pattern))
    return Decide(RemoteClass::kInternal, raw, "matches the configured internal pattern '" + pattern + "'");
  if (url.local) return Decide(RemoteClass::kPrivate, raw, "a path on this machine");

  std::string host_rule;
  for (const auto& h : p.public_hosts)
    if (HostIsUnder(url.host, h)) host_rule = h;
  if (host_rule.empty())
    return Decide(RemoteClass::kInternal, raw, "host " + url.host + " is not a public hosting site");

  std::string why = "host " + url.host + " is a public hosting site (" + host_rule + ")";
  bool github = false;
  for (const auto& h : p.github_hosts) github = github || HostIsUnder(url.host, h);
  if (!p.github_check || !github) return Decide(RemoteClass::kPublic, raw, why);

  size_t slash = url.path.find('/');
  std::string owner = url.path.substr(0, slash);
  std::string repo = slash == std::string::npos ? "" : url.path.substr(slash + 1);
  if (!IsGithubName(owner) || !IsGithubName(repo))
    return Decide(RemoteClass::kPublic, raw, why + "; '" + url.path + "' is not OWNER/REPO, so visibility is unknown: treated as public (fail closed)");
  GithubCheckOptions options = p.github;
  if (!MaySendToken(p, url)) options.token.clear();
  VisibilityAnswer a = check(owner, repo, options);
  switch (a.visibility) {
    case Visibility::kPrivate: return Decide(RemoteClass::kPrivate, raw, a.reason);
    case Visibility::kInternal: return Decide(RemoteClass::kInternal, raw, a.reason);
    case Visibility::kPublic: return Decide(RemoteClass::kPublic, raw, a.reason);
    case Visibility::kUnknown: break;
  }
  return Decide(RemoteClass::kPublic, raw, why + "; visibility check failed (" + a.reason + "): treated as public (fail closed)");
}

RemoteClassification ClassifyRemoteUrls(const std::vector<std::string>& urls, const RemotePolicy& policy,
                                        const VisibilityCheckFn& check) {
  std::set<std::string> seen;
  std::optional<RemoteClassification> best;
  auto consider = [&](const std::string& u, const std::string& via) {
    if (u.empty() || !seen.insert(u).second) return;
    RemoteClassification c = ClassifyRemoteUrl(u, policy, check);
    if (!via.empty()) c.reason = via + ": " + c.reason;
    if (!best || c.remote_class > best->remote_class) best = std::move(c);
  };
  for (const auto& u : urls) {
    consider(u, "");
    auto parsed = ParseRemoteUrl(u);
    if (!parsed.ok() || parsed->local || parsed->scheme != "ssh") continue;
    for (const auto& h : SshHostNames(parsed->host, policy.ssh_home, policy.ssh_system_config))
      if (h.host != parsed->host)
        consider("ssh://" + h.host + "/" + parsed->path,
                 "ssh host " + parsed->host + " is HostName " + h.host + " (" + h.where + ")");
  }
  if (!best) return Decide(RemoteClass::kPublic, "", "no remote URL: treated as public (fail closed)");
  return *best;
}

}  // namespace cg
