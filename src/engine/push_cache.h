// PushCache: what the pre-push hook remembers between pushes, in GIT_COMMON_DIR/cohortguard/.
//
//   clean-blobs   blobs (with the path they were read at) that a scan read in full and found
//                 nothing in: a later push that carries them again does not read them again.
//   destinations  per destination URL, the commits the hook scanned and let through (with
//                 everything reachable from them): what that URL has, or was allowed to have.
//
// Both are keyed by a digest of everything that changes what a scan finds or lets through (the
// rules, the configuration files' text, the threshold, the table-size limit): when it changes,
// the cache is empty again, so a stricter policy re-reads everything once. Neither file holds a
// path, URL or value in clear (SHA-256 keys only). A missing or unreadable cache is an empty one;
// writes go to a temporary file renamed into place, so a crash or a concurrent push loses
// entries, never corrupts them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/finding.h"
#include "core/scan_result.h"
#include "core/status.h"
#include "source/source.h"

namespace cg {

struct ScanRequest;

// The digest: version, rules, id sets, --max-file-size, inline_allow (engine/sweep_configuration),
// plus the text of every configuration file read, fail_on and max_table_rows.
Expected<std::string> PushCacheDigest(const ScanRequest& request);

class CleanBlobCache {
 public:
  // Loads DIR/clean-blobs when it was written under `digest`.
  static CleanBlobCache Load(const std::string& dir, const std::string& digest);

  bool Contains(const Origin& item) const;
  size_t size() const { return keys_.size(); }
  // Adds every item of `scanned` that nothing in `result` (findings, suppressed findings,
  // errors, skipped entries) names; nothing at all when an error names no item.
  void AddClean(const std::vector<Origin>& scanned, const ScanResult& result);
  Status Save() const;

 private:
  std::string dir_, digest_;
  std::unordered_set<std::string> keys_;
};

// A Source that leaves out the items the cache holds (counted in skipped_known()).
class KnownCleanFilter : public Source {
 public:
  KnownCleanFilter(Source& inner, const CleanBlobCache& cache) : inner_(inner), cache_(cache) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>* errors) override;
  Expected<std::unique_ptr<ItemReader>> NewReader() override { return inner_.NewReader(); }
  Status Finish(const std::vector<Origin*>& origins, std::vector<ScanError>* errors) override {
    return inner_.Finish(origins, errors);
  }
  bool items_are_blobs() const override { return inner_.items_are_blobs(); }
  uint64_t skipped_known() const { return skipped_known_; }

 private:
  Source& inner_;
  const CleanBlobCache& cache_;
  uint64_t skipped_known_ = 0;
};

// The commits scanned and let through for `url` under `digest` (40/64-hex ids), and adding to
// them. At most kMaxDestinationTips per URL are kept (the newest).
inline constexpr size_t kMaxDestinationTips = 256;
std::vector<std::string> LoadDestinationTips(const std::string& dir, const std::string& digest, const std::string& url);
Status AddDestinationTips(const std::string& dir, const std::string& digest, const std::string& url,
                          const std::vector<std::string>& commits);

}  // namespace cg
