// Fork network: which repositories of a sweep share history, so that a sharded sweep reads a
// network's shared blobs once.
//
// A repository's network is the root commit reached from HEAD by first parents: a fork of a
// GitHub repository (or any clone) keeps its upstream's first commit, whatever it added since,
// so the upstream and all its forks get the same key and land in the same shard, whose state
// database then reads their shared history once. A repository without a readable HEAD (empty,
// unborn branch, SHA-256 objects libgit2 cannot read) is its own network, keyed by its path.
// Cost: one walk of HEAD's first-parent chain per repository per shard (commits only, no trees).
#pragma once

#include <string>

namespace cg {

// "root:" + the root commit's id, or "path:" + `relative` when there is none to read.
std::string ForkNetwork(const std::string& repo_path, const std::string& relative);

}  // namespace cg
