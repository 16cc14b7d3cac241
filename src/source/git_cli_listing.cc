// GitSource's listings by the git binary (declared in git_source.h): what libgit2 1.5 cannot
// read (split and sparse indexes, shallow clones, SHA-256 repositories) listed from git's raw
// diff output, so these repositories give the same items, notes and errors as the others.
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "source/git_command.h"
#include "source/git_handle.h"
#include "source/git_revspec.h"
#include "source/git_source.h"

namespace cg {
namespace {

constexpr std::string_view kGitlinkMode = "160000";

bool IsZeroId(std::string_view id) { return id.find_first_not_of('0') == std::string_view::npos; }

// One entry of `--raw -z` output: ":M1 M2 ID1 ID2 S\0path\0", or for a merge under -c,
// "::M1 M2 M ID1 ID2 ID S1S2\0path\0". Only the resulting (last) mode and id matter here.
struct RawEntry {
  std::string mode, id, status, raw_path;
};

bool ParseRawHeader(std::string_view header, RawEntry* e) {
  size_t colons = header.find_first_not_of(':');
  if (colons == 0 || colons == std::string_view::npos) return false;
  std::istringstream in{std::string(header.substr(colons))};
  std::vector<std::string> w;
  for (std::string x; in >> x;) w.push_back(x);
  // colons parents: colons+1 modes, colons+1 ids, one status word.
  if (w.size() != 2 * (colons + 1) + 1) return false;
  e->mode = w[colons];
  e->id = w[2 * colons + 1];
  e->status = w.back();
  return true;
}

// Splits NUL-separated output into its fields.
std::vector<std::string_view> Fields(const std::string& out) {
  std::vector<std::string_view> f;
  size_t start = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\0') continue;
    f.emplace_back(out.data() + start, i - start);
    start = i + 1;
  }
  if (start < out.size()) f.emplace_back(out.data() + start, out.size() - start);
  return f;
}

// The commits git treats as roots because the clone's history stops there ("" when not shallow).
std::set<std::string> ShallowBoundary(const std::string& repo_path) {
  std::set<std::string> out;
  auto path = git::RunGit(repo_path, {"rev-parse", "--git-path", "shallow"});
  if (!path.ok()) return out;
  std::string p = *path;
  while (!p.empty() && p.back() == '\n') p.pop_back();
  if (!p.empty() && p[0] != '/') p = repo_path + "/" + p;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

}  // namespace

Status GitSource::ListStagedWithGitBinary(std::vector<Item>* items) {
  // Against HEAD, or the empty tree when HEAD is unborn (git does that itself).
  auto out = git::RunGit(repo_path_, {"diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
                                      "--ignore-submodules=none", "--no-ext-diff"});
  if (!out.ok()) return out.status();
  std::vector<std::string_view> f = Fields(*out);
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i + 1 < f.size(); i += 2) {
    RawEntry e;
    if (!ParseRawHeader(f[i], &e)) return Status::Corrupt("unexpected output from git diff --cached: " + std::string(f[i]));
    std::string path = git::EscapePath(f[i + 1]);
    if (e.status == "U") {
      if (seen.insert({path, "U"}).second) Skip(path, "", "unresolved merge conflict in the index");
      continue;
    }
    if (e.status == "D" || IsZeroId(e.id)) continue;
    if (e.mode == kGitlinkMode) {
      Skip(path, "", "submodule (commit " + e.id + "): not scanned");
      continue;
    }
    if (!seen.insert({path, e.id}).second) continue;
    Item item;
    item.key = e.id;
    item.origin.path = path;
    item.origin.blob = e.id;
    items->push_back(std::move(item));
  }
  return Status::Ok();
}

Status GitSource::ListRangeWithGitBinary(const std::string& revspec, std::vector<Item>* items) {
  auto words = git::RevListWords(revspec);
  if (!words.ok()) return words.status();
  std::vector<std::string> args{"rev-list", "--reverse", "--topo-order"};
  args.insert(args.end(), words->begin(), words->end());
  auto commits = git::RunGit(repo_path_, args);
  if (!commits.ok()) return commits.status();
  if (commits->empty()) return Status::Ok();

  std::set<std::string> boundary = ShallowBoundary(repo_path_);
  // -c: for a merge, only what differs from every parent (see git_commit_changes.h); --root: a
  // root commit (and a shallow boundary, which git grafts to no parents) adds everything it has.
  auto out = git::RunGit(repo_path_, {"diff-tree", "--stdin", "-r", "-c", "--raw", "-z", "--no-renames",
                                      "--no-abbrev", "--root", "--ignore-submodules=none"},
                         *commits);
  if (!out.ok()) return out.status();
  std::unordered_set<std::string> seen;
  std::string commit;
  std::vector<std::string_view> f = Fields(*out);
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i].empty()) continue;
    if (f[i][0] != ':') {
      commit = std::string(f[i]);
      if (boundary.count(commit))
        Skip("", commit, "shallow clone: the history before this commit is not in this clone and was not scanned; "
                         "every file this commit holds was scanned as if it added them");
      continue;
    }
    RawEntry e;
    if (i + 1 >= f.size() || !ParseRawHeader(f[i], &e))
      return Status::Corrupt("unexpected output from git diff-tree: " + std::string(f[i]));
    std::string path = git::EscapePath(f[++i]);
    if (IsZeroId(e.id)) continue;  // deleted
    if (e.mode == kGitlinkMode) {
      Skip(path, commit, "submodule (commit " + e.id + "): not scanned");
      continue;
    }
    Item item;
    item.key = e.id;
    item.origin.path = path;
    item.origin.blob = e.id;
    item.origin.commit = commit;
    item.listed_only = !seen.insert(e.id).second;  // read once; every path it had is checked
    items->push_back(std::move(item));
  }
  return Status::Ok();
}

}  // namespace cg
