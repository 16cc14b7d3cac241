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

// pre-push: every new sha, minus every old sha this repository has, minus what the
// remote-tracking refs of `remote_name` already hold (when it names a configured remote).
// An old sha this repository lacks (the remote moved on; a force push) cannot be excluded: the
// commits are scanned back to what the tracking refs show, which costs time, never a miss.
PushRange PrePushRange(git_repository* repo, const std::vector<RefUpdate>& updates, const std::string& remote_name);

// pre-receive: every new sha minus everything the receiving repository's refs already reach.
PushRange PreReceiveRange(const std::vector<RefUpdate>& updates);

}  // namespace cg
