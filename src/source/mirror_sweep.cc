#include "source/mirror_sweep.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace cg {
namespace fs = std::filesystem;

namespace {

bool IsBareRepository(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "HEAD", ec) && fs::is_directory(dir / "objects", ec) &&
         fs::is_directory(dir / "refs", ec);
}

bool HasDotGit(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(dir / ".git", ec));
}

void Walk(const fs::path& root, const fs::path& dir, const FindOptions& options, std::vector<MirrorRepository>* out,
          std::vector<ScanError>* errors) {
  const std::string rel = dir == root ? "." : fs::relative(dir, root).generic_string();
  if (IsBareRepository(dir)) {
    out->push_back({rel, dir.string(), true});
    return;
  }
  if (HasDotGit(dir)) {
    out->push_back({rel, dir.string(), false});
    return;
  }
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    Origin o;
    o.path = rel;
    errors->push_back({o, "cannot list folder: " + ec.message()});
    return;
  }
  std::vector<fs::path> children;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::error_code sec;
    if (!it->is_directory(sec) || it->is_symlink(sec)) continue;
    const std::string name = it->path().filename().string();
    if (std::find(options.skip_names.begin(), options.skip_names.end(), name) != options.skip_names.end()) continue;
    children.push_back(it->path());
  }
  std::sort(children.begin(), children.end());
  for (const auto& c : children) Walk(root, c, options, out, errors);
}

}  // namespace

Expected<std::vector<MirrorRepository>> FindRepositories(const std::string& root, const FindOptions& options,
                                                         std::vector<ScanError>* errors) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::InvalidArgument("sweep: " + root + " is not a folder");
  std::vector<MirrorRepository> out;
  Walk(fs::path(root), fs::path(root), options, &out, errors);
  std::sort(out.begin(), out.end(),
            [](const MirrorRepository& a, const MirrorRepository& b) { return a.relative < b.relative; });
  return out;
}

}  // namespace cg
