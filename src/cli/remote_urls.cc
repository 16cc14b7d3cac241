#include "cli/remote_urls.h"

#include "source/git_handle.h"

namespace cg {

bool IsRemoteName(git_repository* repo, const std::string& name) {
  git_remote* raw = nullptr;
  if (!repo || name.empty() || git_remote_lookup(&raw, repo, name.c_str()) != 0) return false;
  git_remote_free(raw);
  return true;
}

std::vector<std::string> PushUrlCandidates(git_repository* repo, const std::string& name_or_url,
                                           const std::string& git_url) {
  std::vector<std::string> urls;
  if (!git_url.empty()) urls.push_back(git_url);
  git_remote* raw = nullptr;
  if (name_or_url.empty()) return urls;
  if (!repo || git_remote_lookup(&raw, repo, name_or_url.c_str()) != 0) {
    urls.push_back(name_or_url);  // not a remote's name: the URL as typed
    // and where this repository's insteadOf/pushInsteadOf send it (libgit2 rewrites an
    // anonymous remote's URLs as git does).
    if (repo && git_remote_create_anonymous(&raw, repo, name_or_url.c_str()) == 0) {
      GitRemote anonymous(raw);
      if (const char* u = git_remote_url(anonymous.get())) urls.push_back(u);
      if (const char* u = git_remote_pushurl(anonymous.get())) urls.push_back(u);
    }
    return urls;
  }
  GitRemote r(raw);
  if (const char* u = git_remote_url(r.get())) urls.push_back(u);
  if (const char* u = git_remote_pushurl(r.get())) urls.push_back(u);
  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo) == 0) {
    GitConfig config(raw_config);
    for (const char* key : {"url", "pushurl"}) {
      std::string name = "remote." + name_or_url + "." + key;
      git_config_get_multivar_foreach(config.get(), name.c_str(), nullptr, [](const git_config_entry* e, void* out) {
        static_cast<std::vector<std::string>*>(out)->push_back(e->value);
        return 0;
      }, &urls);
    }
  }
  return urls;
}

}  // namespace cg
