#include "source/git_source.h"

#include "source/git_blob_reader.h"
#include "source/git_cli_source.h"
#include "source/git_handle.h"
#include "source/git_history_source.h"
#include "source/git_index_source.h"
#include "source/git_range_source.h"
#include "source/git_revspec.h"

namespace cg {

Expected<std::unique_ptr<ItemReader>> GitSource::NewReader() {
  return GitBlobReader::Create(repo_path_);
}

Expected<std::unique_ptr<GitSource>> MakeGitSource(const GitSourceOptions& options) {
  std::string path = options.repo_path.empty() ? "." : options.repo_path;
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
