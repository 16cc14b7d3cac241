#include "sweep/provenance.h"

#include <cctype>
#include <ctime>
#include <map>

#include "policy/remote_url.h"
#include "source/git_handle.h"

namespace cg {

std::string WebAddress(const std::string& remote_url) {
  auto parsed = ParseRemoteUrl(remote_url);
  if (!parsed.ok() || parsed->local || parsed->host.empty() || parsed->path.empty()) return "";
  return "https://" + parsed->host + "/" + parsed->path;  // ParseRemoteUrl drops user, port and ".git"
}

std::string Permalink(const std::string& url, const std::string& commit, const std::string& path) {
  if (url.empty() || commit.empty()) return "";
  if (path.empty() || path[0] == '"') return url + "/commit/" + commit;
  static const char* hex = "0123456789ABCDEF";
  std::string out = url + "/blob/" + commit + "/";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string IsoUtc(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

std::string ConfigString(git_repository* repo, const char* name) {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) return "";
  GitConfig config(raw);
  const char* value = nullptr;
  if (git_config_get_string(&value, config.get(), name) != 0 || !value) return "";
  return value;
}

std::string RepositoryWebAddress(git_repository* repo) {
  std::string url = WebAddress(ConfigString(repo, "cohortguard.url"));
  return url.empty() ? WebAddress(ConfigString(repo, "remote.origin.url")) : url;
}

// HEAD's tree, or null (unborn HEAD, detached to nothing, empty mirror).
git::Tree HeadTree(git_repository* repo) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, "HEAD^{tree}") != 0) return git::Tree(nullptr);
  return git::Tree(reinterpret_cast<git_tree*>(raw));
}

bool AtHead(const git::Tree& head, const Finding& f) {
  if (!head || f.origin.path.empty() || f.origin.path[0] == '"' || f.origin.blob.empty()) return false;
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, head.get(), f.origin.path.c_str()) != 0) return false;
  git::TreeEntry entry(raw);
  return git::OidHex(*git_tree_entry_id(entry.get())) == f.origin.blob;
}

}  // namespace

std::vector<size_t> RefreshAtHead(const std::string& repo_path, std::vector<Finding>* findings) {
  std::vector<size_t> changed;
  if (findings->empty()) return changed;
  auto repo = git::OpenRepository(repo_path);
  if (!repo.ok()) return changed;  // unreadable now: what was known stays
  git::Tree head = HeadTree(repo->get());
  for (size_t i = 0; i < findings->size(); ++i) {
    Finding& f = (*findings)[i];
    if (!f.provenance) continue;
    const bool now = AtHead(head, f);
    if (now != f.provenance->at_head) {
      f.provenance->at_head = now;
      changed.push_back(i);
    }
  }
  return changed;
}

void AddProvenance(const std::string& repo_path, std::vector<Finding>* findings, std::vector<ScanError>* errors) {
  bool any = false;
  for (const Finding& f : *findings) any = any || !f.origin.commit.empty();
  if (!any) return;
  auto repo = git::OpenRepository(repo_path);
  if (!repo.ok()) {
    errors->push_back({Origin{}, "cannot read who committed the findings: " + repo.status().message()});
    return;
  }
  git_repository* r = repo->get();
  const std::string url = RepositoryWebAddress(r);
  git::Tree head = HeadTree(r);
  std::map<std::string, git::Commit> commits;
  for (Finding& f : *findings) {
    if (f.origin.commit.empty()) continue;
    Provenance p;
    p.url = url;
    p.permalink = Permalink(url, f.origin.commit, f.origin.path);
    auto it = commits.find(f.origin.commit);
    if (it == commits.end()) {
      git_oid id;
      git_commit* raw = nullptr;
      if (!git::ParseOid(f.origin.commit, &id) || git_commit_lookup(&raw, r, &id) != 0) {
        Origin o;
        o.commit = f.origin.commit;
        errors->push_back({o, git::GitStatus(-1, "cannot read the author of commit " + f.origin.commit).message()});
      }
      it = commits.emplace(f.origin.commit, git::Commit(raw)).first;
    }
    if (git_commit* c = it->second.get()) {
      const git_signature* a = git_commit_author(c);
      const git_signature* m = git_commit_committer(c);
      p.author_name = a->name ? a->name : "";
      p.author_email = a->email ? a->email : "";
      p.authored = IsoUtc(a->when.time);
      p.committer_name = m->name ? m->name : "";
      p.committer_email = m->email ? m->email : "";
      p.committed = IsoUtc(m->when.time);
    }
    p.at_head = AtHead(head, f);
    f.provenance = std::move(p);
  }
}

}  // namespace cg
