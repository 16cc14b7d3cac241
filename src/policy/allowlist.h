// Allowlist: the `allowlist` entries of .cohortguard.yaml, matched against findings.
//
// An entry covers a finding when every key it gives matches: path glob (relative to `root`),
// git blob id or SHA-256 of the outer file, rule id (with `*`), fingerprint. An entry past its
// `expires` day covers nothing; the scan warns about it, with how many findings it would have
// covered. Not thread-safe (caches content hashes); used once, after the scan.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "policy/config.h"
#include "policy/content_hash.h"

namespace cg {

class Allowlist {
 public:
  // `today` is YYYY-MM-DD (see TodayIso); `root` the folder path globs are relative to.
  Allowlist(std::vector<AllowEntry> entries, std::string root, std::string today);

  // The entry that covers `f`, or nullptr.
  const AllowEntry* Covering(const Finding& f);

  // One line per expired entry: where it is, when it expired, what it would still cover.
  std::vector<std::string> Warnings() const;

  bool empty() const { return entries_.empty(); }

 private:
  bool Matches(const AllowEntry& e, const Finding& f);
  std::string RelativePath(const Origin& o) const;
  const ContentHashes* Hashes(const Origin& o);

  std::vector<AllowEntry> entries_;
  std::vector<size_t> expired_hits_;  // per entry
  std::string root_;
  std::string today_;
  std::map<std::string, ContentHashes> hashes_;  // by path; empty hashes when unreadable
};

// Today's local date, YYYY-MM-DD.
std::string TodayIso();

}  // namespace cg
