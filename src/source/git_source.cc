#include "source/git_source.h"

#include <unistd.h>

#include "source/git_blob_reader.h"
#include "source/git_cli_source.h"
#include "source/git_handle.h"
#include "source/git_history_source.h"
#include "source/git_index_source.h"
#include "source/git_range_source.h"
#include "source/git_revspec.h"
#include "source/pack_index.h"

namespace cg {

Expected<std::unique_ptr<ItemReader>> GitSource::NewReader() {
  return GitBlobReader::Create(repo_path_);
}

namespace git {

// git marks a partial clone with remote.<name>.promisor (or, before git 2.24,
// extensions.partialClone) and with a .promisor file beside each pack fetched that way (kept
// when a mirror is copied without its config).
bool IsPartialClone(git_repository* repo) {
  for (std::string promisor : FindPackIndexes(std::string(git_repository_commondir(repo)) + "objects")) {
    promisor.replace(promisor.size() - 3, 3, "promisor");
    if (::access(promisor.c_str(), F_OK) == 0) return true;
  }
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) return false;
  GitConfig config(raw);
  const char* v = nullptr;
  if (git_config_get_string(&v, config.get(), "extensions.partialclone") == 0 && v && *v) return true;
  bool promisor = false;
  git_config_foreach_match(config.get(), "^remote\\..*\\.promisor$", [](const git_config_entry* e, void* payload) {
    int b = 0;
    if (git_config_parse_bool(&b, e->value) == 0 && b) *static_cast<bool*>(payload) = true;
    return 0;
  }, &promisor);
  return promisor;
}

}  // namespace git

void GitSource::NotInClone(Origin origin, const std::string& what) {
  ++not_in_clone_;
  skipped_.push_back({std::move(origin), "not in this clone (partial clone): git has not fetched this " + what +
                                             ", so it was not scanned"});
}

void GitSource::CountNotInClone(std::vector<ScanError>* errors) {
  const size_t n = not_in_clone_;
  if (n == 0) return;
  std::string text = std::to_string(n) + " object" +
                     (n == 1 ? " that the history references is" : "s that the history references are") +
                     " not in this partial clone and " + (n == 1 ? "was" : "were") + " not scanned (listed under skipped)";
  if (allow_partial_clone_) {
    warnings_.push_back(text + "; allow_partial_clone says that is expected");
  } else {
    ScanError e;
    e.message = text + "; scan a clone made without --filter to read them, or set allow_partial_clone: true "
                       "(or --allow-partial-clone) if that is expected";
    errors->push_back(std::move(e));
  }
}

void GitSource::SetAsideUnfetched(git_repository* repo, std::vector<Item>* items) {
  if (items->empty() || !git::IsPartialClone(repo)) return;
  git_odb* raw = nullptr;
  if (git_repository_odb(&raw, repo) != 0) return;  // the reads will say what is wrong
  git::Odb odb(raw);
  for (Item& item : *items) {
    git_oid id;
    if (!git::ParseOid(item.key, &id) || git_odb_exists(odb.get(), &id)) continue;
    if (!item.listed_only) NotInClone(item.origin, "blob");
    item.listed_only = true;  // not read; its path is still checked for secrets
  }
}

namespace {

Expected<std::unique_ptr<GitSource>> NewGitSource(const GitSourceOptions& options) {
  std::string path = options.repo_path.empty() ? "." : options.repo_path;
  if (options.git_binary && options.mode == GitScanMode::kStaged)
    return std::unique_ptr<GitSource>(new GitCliSource(path, options.mode, options.revspec));
  if (options.mode != GitScanMode::kHistory && git::IsSha256Repository(path)) {
    if (options.mode == GitScanMode::kRange) {
      if (options.revspec.empty()) return Status::InvalidArgument("--range needs a revision range, e.g. origin/main..HEAD");
      if (auto words = git::RevListWords(options.revspec); !words.ok()) return words.status();
    }
    return std::unique_ptr<GitSource>(new GitCliSource(path, options.mode, options.revspec));
  }
  switch (options.mode) {
    case GitScanMode::kStaged:
      return std::unique_ptr<GitSource>(new GitIndexSource(path));
    case GitScanMode::kHistory:
      return std::unique_ptr<GitSource>(new GitHistorySource(path));
    case GitScanMode::kRange:
      if (options.revspec.empty()) return Status::InvalidArgument("--range needs a revision range, e.g. origin/main..HEAD");
      // Resolve the revisions now so a typo is a usage error (exit 2), not a failed scan.
      if (auto repo = git::OpenRepository(path); repo.ok()) {
        if (auto walk = git::NewOldestFirstWalk(repo->get(), path); walk.ok()) {
          Status s = git::ApplyRevspec(repo->get(), walk->get(), options.revspec);
          if (s.code() == StatusCode::kInvalidArgument) return s;
        }
      }
      return std::unique_ptr<GitSource>(new GitRangeSource(path, options.revspec));
  }
  return Status::InvalidArgument("unknown git scan mode");
}

}  // namespace

Expected<std::unique_ptr<GitSource>> MakeGitSource(const GitSourceOptions& options) {
  auto source = NewGitSource(options);
  if (source.ok()) (*source)->set_allow_partial_clone(options.allow_partial_clone);
  return source;
}

Expected<std::optional<GitSourceOptions>> GitTargetForScan(bool staged, const std::string& range, bool history,
                                                          const std::vector<std::string>& paths) {
  int modes = int(staged) + int(!range.empty()) + int(history);
  if (modes == 0) return std::optional<GitSourceOptions>();
  if (modes > 1) return Status::InvalidArgument("--staged, --range and --history exclude each other");
  if (paths.size() > 1) return Status::InvalidArgument("--staged, --range and --history take one repository path");
  GitSourceOptions o;
  o.mode = staged ? GitScanMode::kStaged : history ? GitScanMode::kHistory : GitScanMode::kRange;
  o.repo_path = paths.empty() ? "." : paths[0];
  o.revspec = range;
  return std::optional<GitSourceOptions>(o);
}

}  // namespace cg
