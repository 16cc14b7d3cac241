// RemoteUrl: a git remote URL taken apart the way git reads it, so that policy can ask "which
// host, which repository?" of every form git accepts.
//
//   https://user@github.com:443/lab/study.git     scheme https, host github.com, path lab/study
//   ssh://git@github.com/lab/study.git            scheme ssh
//   git@github.com:lab/study.git                  scp-like (a ':' before any '/'): scheme ssh
//   git://, http://, ftp(s)://, git+ssh://, ssh+git://
//   /srv/git/study.git, ./study, file:///srv/x    local (no host)
//
// The host is read as git's transports read it: a trailing dot is dropped ("github.com."), and
// the authority ends at the first '/', '?' or '#' ("https://github.com#@x/" is github.com).
//
// Pure functions, no I/O; thread-safe.
#pragma once

#include <string>

#include "core/status.h"

namespace cg {

struct RemoteUrl {
  std::string scheme;   // "https", "ssh", "git", "file", ... ("ssh" for scp-like)
  std::string host;     // lower-cased, no user, no port; empty for local paths
  std::string path;     // repository path: no leading '/' or '~/', no trailing '/' or ".git"
                        // (for local paths: the path as given, without "file://")
  bool local = false;   // a path on this machine (or file://)

  // "host/path" for network URLs, the path for local ones: what patterns are matched against.
  std::string Key() const;
};

// InvalidArgument for an empty URL or one with an empty host where a host is required.
Expected<RemoteUrl> ParseRemoteUrl(const std::string& url);

// Shell-style glob: '*' matches within one '/'-separated segment, '**' across segments, '?'
// one character. Case-sensitive (callers lower-case hosts).
bool GlobMatch(const std::string& pattern, const std::string& text);

// ASCII lower case (hosts, GitHub owner/repo names).
std::string Lower(std::string s);

// `url` with its userinfo ("user:TOKEN@", "TOKEN@" in scheme URLs) replaced by "***": what may
// be printed. scp-like "git@host:path" keeps its bare user name.
std::string RedactUrl(const std::string& url);
// The same for every "scheme://userinfo@" inside a line of text (messages that quote a URL).
std::string RedactUrlsIn(std::string text);

// True when `host` is `domain` or a subdomain of it ("gist.github.com" is under "github.com").
bool HostIsUnder(const std::string& host, const std::string& domain);

}  // namespace cg
