// Mirror discovery and the per-repository source of a sweep.
//
// FindRepositories() walks a folder and returns every git repository below it: bare
// repositories (what `git clone --mirror` makes: HEAD, objects/ and refs/ in one folder) and work
// trees (a folder holding .git). It does not descend into a repository (submodules and nested
// checkouts belong to it), does not follow symbolic links, and skips the sweep's own state
// folder. Folders it cannot read are reported, not fatal.
//
// BatchSource hands the engine a slice of one repository's items (already filtered against the
// state database), reading them through the repository's own source; it attributes nothing
// (the sweep attributes once per repository, after all slices).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "source/source.h"

namespace cg {

struct MirrorRepository {
  std::string relative;  // path below the swept folder, '/'-separated; "." for the folder itself
  std::string path;      // as opened
  bool bare = false;
};

struct FindOptions {
  std::vector<std::string> skip_names = {".cohortguard"};  // folder names never entered
};

// Sorted by `relative`. Unreadable folders are appended to `errors` (path and reason).
Expected<std::vector<MirrorRepository>> FindRepositories(const std::string& root, const FindOptions& options,
                                                         std::vector<ScanError>* errors);

class BatchSource : public Source {
 public:
  // `inner` is borrowed; `items` are the slice to scan.
  BatchSource(Source& inner, std::vector<Item> items) : inner_(inner), items_(std::move(items)) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>*) override {
    *items = items_;
    return Status::Ok();
  }
  Expected<std::unique_ptr<ItemReader>> NewReader() override { return inner_.NewReader(); }
  bool items_are_blobs() const override { return inner_.items_are_blobs(); }

 private:
  Source& inner_;
  std::vector<Item> items_;
};

}  // namespace cg
