#include "policy/remote_url.h"

#include <algorithm>
#include <cctype>

namespace cg {
std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string NormalizeRepoPath(std::string p) {
  while (!p.empty() && p.front() == '/') p.erase(0, 1);
  if (p.rfind("~/", 0) == 0) p.erase(0, 2);
  while (!p.empty() && p.back() == '/') p.pop_back();
  if (p.size() > 4 && p.compare(p.size() - 4, 4, ".git") == 0) p.resize(p.size() - 4);
  while (!p.empty() && p.back() == '/') p.pop_back();
  return p;
}

// "user@host:port" (or "[v6]:port") -> lower-cased host, without the trailing dot of a fully
// qualified name ("github.com." is github.com to DNS and to git).
std::string HostOf(const std::string& authority, bool allow_port) {
  std::string a = authority;
  if (size_t at = a.rfind('@'); at != std::string::npos) a = a.substr(at + 1);
  if (!a.empty() && a.front() == '[') {
    size_t close = a.find(']');
    return Lower(close == std::string::npos ? a.substr(1) : a.substr(1, close - 1));
  }
  if (allow_port) {
    if (size_t colon = a.find(':'); colon != std::string::npos) a.resize(colon);
  }
  while (!a.empty() && a.back() == '.') a.pop_back();
  return Lower(a);
}

// Where the authority of "scheme://authority/path" ends: at the first '/', '?' or '#', as URL
// parsers (curl, which git's http transport uses) read it. So "https://github.com#@x/" names
// github.com, and the '@' after the '#' is not userinfo.
size_t AuthorityEnd(const std::string& rest) { return rest.find_first_of("/?#"); }

}  // namespace

std::string RemoteUrl::Key() const {
  if (local) return path;
  return path.empty() ? host : host + "/" + path;
}

Expected<RemoteUrl> ParseRemoteUrl(const std::string& raw) {
  std::string url = Trim(raw);
  if (url.empty()) return Status::InvalidArgument("empty remote URL");
  RemoteUrl r;
  if (size_t sep = url.find("://"); sep != std::string::npos && url.find('/') > sep) {
    r.scheme = Lower(url.substr(0, sep));
    std::string rest = url.substr(sep + 3);
    if (r.scheme == "git+ssh" || r.scheme == "ssh+git") r.scheme = "ssh";
    if (r.scheme == "file") {
      r.local = true;
      if (rest.rfind("localhost/", 0) == 0) rest.erase(0, 9);
      r.path = rest;
      return r;
    }
    size_t end = AuthorityEnd(rest);
    std::string authority = rest.substr(0, end);
    r.host = HostOf(authority, true);
    if (r.host.empty()) return Status::InvalidArgument("remote URL '" + RedactUrl(url) + "' has no host");
    std::string path = end == std::string::npos ? "" : rest.substr(end);
    path = path.substr(0, path.find_first_of("?#"));
    r.path = Lower(NormalizeRepoPath(path));
    return r;
  }
  // scp-like "[user@]host:path": git's rule is a ':' before any '/'. A bracketed IPv6 host may
  // itself contain colons.
  size_t colon = std::string::npos;
  if (size_t open = url.find('['); open != std::string::npos && open < url.find('/')) {
    size_t close = url.find(']', open);
    if (close != std::string::npos) colon = url.find(':', close);
  } else {
    colon = url.find(':');
  }
  if (colon != std::string::npos && colon > 0 && colon < url.find('/')) {
    r.scheme = "ssh";
    r.host = HostOf(url.substr(0, colon), false);
    if (r.host.empty()) return Status::InvalidArgument("remote URL '" + RedactUrl(url) + "' has no host");
    r.path = Lower(NormalizeRepoPath(url.substr(colon + 1)));
    return r;
  }
  r.scheme = "file";
  r.local = true;
  r.path = url;
  return r;
}

namespace {

bool GlobFrom(const std::string& pattern, size_t p, const std::string& text, size_t t) {
  while (p < pattern.size()) {
    char c = pattern[p];
    if (c == '*') {
      bool deep = p + 1 < pattern.size() && pattern[p + 1] == '*';
      size_t next = p + (deep ? 2 : 1);
      for (size_t k = t;; ++k) {
        if (GlobFrom(pattern, next, text, k)) return true;
        if (k == text.size() || (!deep && text[k] == '/')) return false;
      }
    }
    if (t == text.size()) return false;
    if (c == '?' ? text[t] == '/' : c != text[t]) return false;
    ++p;
    ++t;
  }
  return t == text.size();
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& text) {
  return GlobFrom(pattern, 0, text, 0);
}

std::string RedactUrl(const std::string& url) {
  size_t sep = url.find("://");
  size_t begin = sep != std::string::npos && url.find('/') > sep ? sep + 3 : 0;
  size_t end = begin == 0 ? url.find_first_of("/:") : url.find_first_of("/?#", begin);
  if (end == std::string::npos) end = url.size();
  size_t at = url.rfind('@', end);
  if (at == std::string::npos || at < begin) return url;
  // scp-like "user@host:path": a bare user name is no secret, but an "user:pass@" never is one.
  std::string userinfo = url.substr(begin, at - begin);
  if (begin == 0 && userinfo.find(':') == std::string::npos) return url;
  return url.substr(0, begin) + "***" + url.substr(at);
}

std::string RedactUrlsIn(std::string text) {
  for (size_t sep = text.find("://"); sep != std::string::npos; sep = text.find("://", sep + 3)) {
    size_t begin = sep + 3;
    size_t end = text.find_first_of("/?# \t\n'\")", begin);
    if (end == std::string::npos) end = text.size();
    size_t at = text.rfind('@', end);
    if (at == std::string::npos || at < begin) continue;
    text.replace(begin, at - begin, "***");
  }
  return text;
}

bool HostIsUnder(const std::string& host, const std::string& domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
         host[host.size() - domain.size() - 1] == '.';
}

}  // namespace cg
