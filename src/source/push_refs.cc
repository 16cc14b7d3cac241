#include "source/push_refs.h"

#include <set>
#include <sstream>

#include "source/git_handle.h"

namespace cg {
namespace {

bool IsHexSha(const std::string& s) {
  if (s.size() != 40 && s.size() != 64) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

template <typename Assign>
Expected<std::vector<RefUpdate>> ParseLines(const std::string& input, size_t words_per_line, const char* shape,
                                            Assign assign) {
  std::vector<RefUpdate> out;
  std::istringstream lines(input);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    RefUpdate u;
    if (w.size() != words_per_line || !assign(w, &u) || !IsHexSha(u.new_sha) || !IsHexSha(u.old_sha))
      return Status::InvalidArgument("ref line " + std::to_string(n) + " on stdin is not '" + shape + "': " + line);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

bool IsZeroSha(const std::string& sha) { return sha.find_first_not_of('0') == std::string::npos; }

Expected<std::vector<RefUpdate>> ParsePrePushLines(const std::string& input) {
  return ParseLines(input, 4, "<local ref> <local sha> <remote ref> <remote sha>",
                    [](const std::vector<std::string>& w, RefUpdate* u) {
                      *u = {w[2], w[1], w[3]};
                      return true;
                    });
}

Expected<std::vector<RefUpdate>> ParsePreReceiveLines(const std::string& input) {
  return ParseLines(input, 3, "old new ref", [](const std::vector<std::string>& w, RefUpdate* u) {
    *u = {w[2], w[1], w[0]};
    return true;
  });
}

PushRange PrePushRange(git_repository* repo, const std::vector<RefUpdate>& updates,
                       const std::vector<std::string>& known) {
  PushRange r;
  std::set<std::string> include, exclude;
  git_odb* raw_odb = nullptr;
  git::Odb odb(git_repository_odb(&raw_odb, repo) == 0 ? raw_odb : nullptr);
  auto have = [&](const std::string& sha) {
    git_oid oid;
    return odb && git::ParseOid(sha, &oid) && git_odb_exists(odb.get(), &oid);
  };
  for (const auto& u : updates) {
    if (IsZeroSha(u.new_sha)) {
      r.notes.push_back("deleting " + u.ref + ": nothing to scan");
      continue;
    }
    include.insert(u.new_sha);
    if (IsZeroSha(u.old_sha)) continue;
    if (have(u.old_sha)) exclude.insert(u.old_sha);
    else r.notes.push_back(u.ref + " on the remote is at " + u.old_sha.substr(0, 12) +
                           ", which this repository does not have: scanning back to what the remote is known to have");
  }
  if (include.empty()) return r;
  for (const auto& k : known)
    if (have(k)) exclude.insert(k);
  if (exclude.empty())
    r.notes.push_back("nothing is known about what this destination has: every commit reachable from what is pushed "
                      "is scanned (blobs already scanned clean are not read again)");
  std::string spec;
  for (const auto& s : include) spec += s + " ";
  for (const auto& s : exclude) spec += "^" + s + " ";
  r.revspec = spec;
  return r;
}

PushRange PreReceiveRange(const std::vector<RefUpdate>& updates) {
  PushRange r;
  std::set<std::string> include;
  for (const auto& u : updates)
    if (!IsZeroSha(u.new_sha)) include.insert(u.new_sha);
  if (include.empty()) return r;
  for (const auto& s : include) r.revspec += s + " ";
  r.revspec += "--not --all";
  return r;
}

}  // namespace cg
