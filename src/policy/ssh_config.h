// SshHostNames: which hosts ssh may really connect to for a host written in a git URL, read from
// the ssh configuration the way ssh reads it, so that `git@lab:study.git` with
//
//   Host lab
//     HostName github.com
//
// is classified as github.com. Files: the user's ~/.ssh/config (under `home`), then the system
// file; the first HostName that applies wins (ssh's rule). Followed: Include (globs; relative
// names are under ~/.ssh for the user's file and /etc/ssh for the system one; nested at most
// 16 deep), Host pattern lists (* and ?, !negation), `Match all`, `Match host|originalhost
// PATTERNS` (negatable). A Match that needs more than that (exec, user, localnetwork, canonical,
// ...) may or may not apply here: its HostName is returned as a candidate too, and so is every
// HostName before the one that surely applies, so a caller that takes the most exposed of them
// never guesses in the leak's favour. `%h` in a HostName is the host as written, `%%` a '%'.
//
// Reads files only; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace cg {

struct SshHostName {
  std::string host;   // lower-cased
  std::string where;  // "FILE:LINE" of the HostName, for messages
};

// The candidates, most certain last; empty when no HostName applies (ssh uses `host` itself).
std::vector<SshHostName> SshHostNames(const std::string& host, const std::string& home,
                                      const std::string& system_config = "/etc/ssh/ssh_config");

}  // namespace cg
