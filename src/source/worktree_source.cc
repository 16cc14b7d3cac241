#include "source/worktree_source.h"

#include <sys/stat.h>

#include <filesystem>
#include <optional>

#include "source/ignore_rules.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

class FileReader : public ItemReader {
 public:
  Expected<std::unique_ptr<ByteStream>> Open(const Item& item) override {
    auto f = FileStream::Open(item.key);
    if (!f.ok()) return f.status();
    return std::unique_ptr<ByteStream>(std::move(*f));
  }
};

std::string Display(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  if (s.rfind("./", 0) == 0) s = s.substr(2);
  return s;
}

}  // namespace

Status WorktreeSource::Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) {
  for (const std::string& arg : options_.paths) {
    std::error_code ec;
    fs::path root(arg);
    fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back({Origin{arg, "", "", "", ""}, "cannot read: no such file or directory"});
      continue;
    }
    if (fs::is_regular_file(st)) {
      items->push_back({Origin{Display(root), "", "", "", ""}, root.string(), static_cast<int64_t>(fs::file_size(root, ec))});
      continue;
    }
    if (!fs::is_directory(st)) {
      errors->push_back({Origin{arg, "", "", "", ""}, "not a regular file or directory"});
      continue;
    }
    std::optional<IgnoreRules> ignore;
    if (!options_.no_ignore) {
      ignore.emplace(root);
      if (!ignore->problem().empty()) errors->push_back({Origin{arg, "", "", "", ""}, ignore->problem()});
    }
    // A folder the user names explicitly is scanned even when git ignores it; ignore rules then
    // apply only below roots that git does not ignore as a whole.
    const bool use_ignore = ignore && ignore->active() && !ignore->HidesFolder(root);
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors->push_back({Origin{arg, "", "", "", ""}, "cannot list folder: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors->push_back({Origin{Display(it->path()), "", "", "", ""}, "cannot list: " + ec.message()});
        ec.clear();
        continue;
      }
      const fs::directory_entry& e = *it;
      fs::file_status ls = e.symlink_status(ec);
      if (fs::is_symlink(ls)) continue;
      if (fs::is_directory(ls)) {
        if (e.path().filename() == ".git" || (use_ignore && ignore->HidesFolder(e.path())))
          it.disable_recursion_pending();
        continue;
      }
      if (!fs::is_regular_file(ls)) continue;  // sockets, FIFOs, devices: never opened
      if (e.path().filename() == ".git") continue;  // a worktree's .git file
      if (use_ignore && ignore->HidesFile(e.path())) continue;
      items->push_back({Origin{Display(e.path()), "", "", "", ""}, e.path().string(),
                        static_cast<int64_t>(e.file_size(ec))});
    }
  }
  return Status::Ok();
}

Expected<std::unique_ptr<ItemReader>> WorktreeSource::NewReader() {
  return std::unique_ptr<ItemReader>(new FileReader());
}

}  // namespace cg
