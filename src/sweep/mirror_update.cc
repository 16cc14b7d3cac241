#include "sweep/mirror_update.h"

#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "policy/remote_url.h"
#include "source/git_command.h"
#include "source/mirror_sweep.h"
#include "sweep/provenance.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

struct Known {
  std::string relative;
  std::string account;
  bool archived = false;
  bool deleted = false;
};

std::string Config(const std::string& repo, const std::string& key) {
  auto out = git::RunGit(repo, {"config", "--get", key});
  if (!out.ok()) return "";
  std::string v = *out;
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
  return v;
}

Status SetConfig(const std::string& repo, const std::string& key, const std::string& value) {
  auto out = git::RunGit(repo, {"config", key, value});
  return out.ok() ? Status::Ok() : out.status();
}

Status UnsetConfig(const std::string& repo, const std::string& key) {
  auto out = git::RunGit(repo, {"config", "--unset-all", key});
  return out.ok() || Config(repo, key).empty() ? Status::Ok() : out.status();
}

// A full_name the API gave must be OWNER/NAME: no "..", no absolute path, nothing that leaves MIRRORS.
bool SafeName(const std::string& full_name) {
  const size_t slash = full_name.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == full_name.size() ||
      full_name.find('/', slash + 1) != std::string::npos)
    return false;
  for (const std::string part : {full_name.substr(0, slash), full_name.substr(slash + 1)}) {
    if (part == "." || part == ".." || part[0] == '.') return false;
    for (unsigned char c : part)
      if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return false;
  }
  return true;
}

std::string AccountKey(const GithubAccount& a) { return (a.organisation ? "org:" : "user:") + Lower(a.name); }

Status Record(const std::string& path, const ListedRepository& r, const std::string& account) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"cohortguard.id", std::to_string(r.id)},
           {"cohortguard.account", account},
           {"cohortguard.url", r.html_url},
           {"cohortguard.archived", r.archived ? "true" : "false"},
           {"remote.origin.url", r.clone_url}}) {
    if (value.empty()) continue;
    Status st = SetConfig(path, key, value);
    if (!st.ok()) return st;
  }
  return UnsetConfig(path, "cohortguard.deleted");
}

}  // namespace

const char* MirrorEventName(MirrorEvent::Kind kind) {
  switch (kind) {
    case MirrorEvent::Kind::kCloned: return "cloned";
    case MirrorEvent::Kind::kUpdated: return "updated";
    case MirrorEvent::Kind::kRenamed: return "renamed";
    case MirrorEvent::Kind::kArchived: return "archived";
    case MirrorEvent::Kind::kDeleted: return "deleted";
    case MirrorEvent::Kind::kFailed: return "failed";
  }
  return "?";
}

Expected<std::vector<MirrorEvent>> UpdateMirrors(const MirrorUpdateOptions& o, const std::vector<GithubAccount>& accounts,
                                                 const std::vector<std::vector<ListedRepository>>& listed) {
  std::error_code ec;
  fs::create_directories(fs::path(o.root) / ".cohortguard" / "clones", ec);
  if (ec) return Status::IoError("cannot use mirrors folder " + o.root + ": " + ec.message());
  std::vector<ScanError> find_errors;
  auto repos = FindRepositories(o.root, FindOptions{}, &find_errors);
  if (!repos.ok()) return repos.status();
  std::map<int64_t, Known> known;
  for (const MirrorRepository& m : *repos) {
    const std::string id = Config(m.path, "cohortguard.id");
    if (id.empty()) continue;
    known[std::atoll(id.c_str())] = {m.relative, Config(m.path, "cohortguard.account"),
                                     Config(m.path, "cohortguard.archived") == "true",
                                     !Config(m.path, "cohortguard.deleted").empty()};
  }

  std::vector<MirrorEvent> events;
  auto fail = [&](const std::string& rel, const std::string& why) {
    events.push_back({MirrorEvent::Kind::kFailed, rel, RedactUrlsIn(why)});
  };
  std::set<int64_t> seen;
  std::set<std::string> accounts_listed;
  for (size_t a = 0; a < accounts.size() && a < listed.size(); ++a) {
    const std::string account = AccountKey(accounts[a]);
    accounts_listed.insert(account);
    for (const ListedRepository& r : listed[a]) {
      if (!seen.insert(r.id).second) continue;  // listed under two accounts
      const std::string rel = r.full_name + ".git";
      if (!SafeName(r.full_name)) {
        fail(rel, "the API gave a name that is not OWNER/NAME; not mirrored");
        continue;
      }
      const fs::path dest = fs::path(o.root) / rel;
      auto k = known.find(r.id);
      if (k != known.end() && k->second.relative != rel) {
        // Renamed or transferred: move the mirror (and its history) to the new name.
        if (fs::exists(dest)) {
          fail(rel, "renamed from " + k->second.relative + ", but " + rel + " already exists");
          continue;
        }
        fs::create_directories(dest.parent_path(), ec);
        fs::rename(fs::path(o.root) / k->second.relative, dest, ec);
        if (ec) {
          fail(rel, "cannot move the mirror of " + k->second.relative + ": " + ec.message());
          continue;
        }
        events.push_back({MirrorEvent::Kind::kRenamed, rel, k->second.relative});
      }
      if (k == known.end() && !fs::exists(dest)) {
        const fs::path tmp = fs::path(o.root) / ".cohortguard" / "clones" / std::to_string(r.id);
        fs::remove_all(tmp, ec);  // what a killed run left
        auto cloned = git::RunGit(o.root, {"clone", "--mirror", "--quiet", "--", r.clone_url, tmp.string()}, "", o.budget_ms);
        if (!cloned.ok()) {
          fs::remove_all(tmp, ec);
          fail(rel, cloned.status().message());
          continue;
        }
        Status st = Record(tmp.string(), r, account);
        fs::create_directories(dest.parent_path(), ec);
        if (st.ok()) {
          fs::rename(tmp, dest, ec);
          if (ec) st = Status::IoError("cannot move the new clone into place: " + ec.message());
        }
        if (!st.ok()) {
          fs::remove_all(tmp, ec);
          fail(rel, st.message());
          continue;
        }
        events.push_back({MirrorEvent::Kind::kCloned, rel, ""});
        if (r.archived) events.push_back({MirrorEvent::Kind::kArchived, rel, ""});
        continue;
      }
      // Known (or a mirror made by hand at that path): record what the API says, then fetch.
      Status st = Record(dest.string(), r, account);
      auto updated = st.ok() ? git::RunGit(dest.string(), {"remote", "update", "--prune"}, "", o.budget_ms)
                             : Expected<std::string>(st);
      if (!updated.ok()) {
        fail(rel, updated.status().message());
        continue;
      }
      events.push_back({MirrorEvent::Kind::kUpdated, rel, ""});
      if (r.archived && (k == known.end() || !k->second.archived)) events.push_back({MirrorEvent::Kind::kArchived, rel, ""});
    }
  }
  // Mirrors of the accounts listed now that the API no longer lists: deleted, or made private.
  for (const auto& [id, k] : known) {
    if (seen.count(id) || !accounts_listed.count(k.account) || k.deleted) continue;
    Status st = SetConfig((fs::path(o.root) / k.relative).string(), "cohortguard.deleted", IsoUtc(o.now));
    if (!st.ok()) fail(k.relative, st.message());
    else events.push_back({MirrorEvent::Kind::kDeleted, k.relative, ""});
  }
  for (const ScanError& e : find_errors) fail(e.origin.path, e.message);
  return events;
}

}  // namespace cg
