// Provenance: who introduced each finding's blob into a repository, when, and where to see it
// (Finding::provenance), for the custodian report.
//
// The web address is the mirror's `cohortguard.url` (set by `sweep mirror` from the API's
// html_url) or else its origin remote read as https://HOST/PATH; credentials in either are
// never kept. A local origin (a path) has no web address and so no permalink.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace cg {

// Fills `provenance` of every finding of `findings` that has a commit (attributed findings of
// the repository at `repo_path`). A commit that cannot be read is an error naming it; the
// finding keeps what is known (web address, permalink).
void AddProvenance(const std::string& repo_path, std::vector<Finding>* findings, std::vector<ScanError>* errors);

// Sets provenance.at_head of every finding of `findings` that has provenance to whether the
// repository's HEAD still holds its blob at its path (HEAD moves between sweeps: a file removed
// since is only in history now). Returns the indexes of the findings whose at_head changed.
std::vector<size_t> RefreshAtHead(const std::string& repo_path, std::vector<Finding>* findings);

// "https://HOST/PATH" for a network remote URL, "" for a local one or one that does not parse.
std::string WebAddress(const std::string& remote_url);
// url/blob/COMMIT/PATH with PATH percent-encoded; url/commit/COMMIT for a path git had to quote.
std::string Permalink(const std::string& url, const std::string& commit, const std::string& path);
// Seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string IsoUtc(int64_t seconds);

}  // namespace cg
