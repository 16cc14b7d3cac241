#include "source/git_source.h"

#include "source/git_blob_reader.h"
#include "source/git_history_source.h"
#include "source/git_index_source.h"
#include "source/git_range_source.h"

namespace cg {

Expected<std::unique_ptr<ItemReader>> GitSource::NewReader() {
  return GitBlobReader::Create(repo_path_);
}

Expected<std::unique_ptr<GitSource>> MakeGitSource(const GitSourceOptions& options) {
  std::string path = options.repo_path.empty() ? "." : options.repo_path;
  switch (options.mode) {
    case GitScanMode::kStaged:
      return std::unique_ptr<GitSource>(new GitIndexSource(path));
    case GitScanMode::kHistory:
      return std::unique_ptr<GitSource>(new GitHistorySource(path));
    case GitScanMode::kRange:
      if (options.revspec.empty()) return Status::InvalidArgument("--range needs a revision range, e.g. origin/main..HEAD");
      return std::unique_ptr<GitSource>(new GitRangeSource(path, options.revspec));
  }
  return Status::InvalidArgument("unknown git scan mode");
}

}  // namespace cg
