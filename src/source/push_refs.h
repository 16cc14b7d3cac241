// push_refs: the ref lines git hands to pre-push and pre-receive hooks, and the revision range
// that holds exactly the commits a push sends that the other side does not have.
//
//   pre-push:    "<local ref> <local sha> <remote ref> <remote sha>" per line
//   pre-receive: "<old sha> <new sha> <ref>" per line
// An all-zero sha means "no such ref": a zero local/new sha is a deletion (nothing to scan), a
// zero remote/old sha a new ref.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "core/status.h"

namespace cg {

struct RefUpdate {
  std::string ref;      // the ref being written on the receiving side
  std::string new_sha;  // what it will point to (zero: deletion)
  std::string old_sha;  // what it points to now on the receiving side (zero: new ref)
};

bool IsZeroSha(const std::string& sha);

// InvalidArgument naming the line for a malformed one; blank lines are ignored.
Expected<std::vector<RefUpdate>> ParsePrePushLines(const std::string& input);
Expected<std::vector<RefUpdate>> ParsePreReceiveLines(const std::string& input);

struct PushRange {
  std::string revspec;              // for GitSourceOptions::revspec; empty: nothing to scan
  std::vector<std::string> notes;   // what was assumed, for the user
};

// pre-push: every new sha, minus what the destination is known to have: the remote shas git
// passes on stdin (git read them from the destination itself) and `known` (commits the hook
// scanned and let through for the same URL before: engine/push_cache). Remote-tracking refs are
// not trusted: they show what some URL had when they were last fetched, which need not be this
// destination (a `git remote set-url` leaves them as they were). So for a destination nothing is
// known about, everything reachable from the pushed commits is scanned. An id this repository
// lacks cannot be excluded and is left out (it costs time, never a miss).
PushRange PrePushRange(git_repository* repo, const std::vector<RefUpdate>& updates,
                       const std::vector<std::string>& known);

// pre-receive: every new sha minus everything the receiving repository's refs already reach.
PushRange PreReceiveRange(const std::vector<RefUpdate>& updates);

}  // namespace cg
