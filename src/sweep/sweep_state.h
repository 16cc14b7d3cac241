// SweepState: what earlier sweeps learned, in an embedded SQLite database, so that a nightly
// sweep reads only blobs it has never read and reports only findings it has never reported.
//
// Tables (see sweep_state.cc for the schema):
//   blobs          every blob id scanned under the current configuration, with whether it
//                  produced findings. Shared by all repositories: a fork's shared history is
//                  never read twice.
//   blob_findings  the detection findings of those blobs, before attribution (a blob's
//                  findings do not depend on the repository: --history items carry no path).
//   findings       per repository: each finding attributed to commit and path, with the time
//                  first seen, last seen and, once its blob left the repository (force-push,
//                  gc, deleted repository), the time it was gone. Also the outbox: a finding
//                  enters undelivered (delivered_at NULL, again whenever it is recorded anew)
//                  and is marked delivered only once a report holding it is durably written.
//   repositories   every repository swept, when first and last swept, when it vanished, and its
//                  fork network (sweep/fork_network.h: the shard of a vanished one).
//   meta           the configuration digest (rules, id sets, limits) and the running total of
//                  blobs read. A changed digest forgets `blobs`, so everything is read again once.
//
// Crash safety: WAL journal; each batch of blobs is committed with its findings in one
// transaction (a blob is never marked scanned without its findings), each repository's findings
// in another, and the delivery of a report in a third. Killed at any point, the next run redoes
// only uncommitted work and reports every undelivered finding again: nothing is lost, nothing
// counted twice, nothing reported twice once delivered (at-least-once delivery: a kill between
// writing a report and marking it delivered reports those findings once more). Several processes may share one database on a local disk (busy
// timeout); never put it on a network file system (WAL needs shared memory).
//
// Thread-compatible: one SweepState per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace cg {

enum class BlobState { kUnknown, kClean, kFindings };

struct StoredFinding {
  std::string key;   // stable per repository: blob + rule + member + line (+ occurrence)
  std::string blob;
  int64_t first_seen = 0;
  bool gone = false;
  bool delivered = false;  // a durably written report held it
  Finding finding;   // attributed (repository, commit, path)
};

// One finding of one repository, as the outbox knows it.
struct DeliveryKey {
  std::string repository;
  std::string key;
};

// Keys for `findings` (the detection findings of one blob, in detection order).
std::vector<std::string> FindingKeys(const std::vector<Finding>& blob_findings);

class SweepState {
 public:
  static Expected<std::unique_ptr<SweepState>> Open(const std::string& path);
  ~SweepState();

  // Records the configuration digest; when it differs from the stored one, forgets every
  // scanned blob (returns true) so the new rules see everything. Findings already reported keep
  // their first-seen time.
  Expected<bool> UseConfiguration(const std::string& digest);

  Expected<BlobState> Lookup(const std::string& blob);
  // One transaction: marks `blobs` scanned and stores `findings` (each Origin.blob among them).
  Status RecordBatch(const std::vector<std::string>& blobs, const std::vector<Finding>& findings);
  Expected<std::vector<Finding>> BlobFindings(const std::string& blob);

  Expected<std::vector<StoredFinding>> RepositoryFindings(const std::string& repository);
  // The repository's findings no durably written report has held yet (gone ones included: a
  // leak that was public is news even once it is force-pushed away).
  Expected<std::vector<StoredFinding>> Undelivered(const std::string& repository);
  // One transaction: the findings are in a report that is now durably written.
  Status MarkDelivered(const std::vector<DeliveryKey>& keys, int64_t now);
  // One transaction for a repository swept at `now`: inserts `fresh` (first seen now; a key
  // already there keeps its first-seen time and takes the new text), sets last_seen of
  // `present` keys, stores the new text of `refreshed` ones (present, with provenance redone:
  // not news, so their delivery stands), marks `gone` keys, and records the repository.
  Status RecordRepository(const std::string& repository, const std::string& network, int64_t now, uint64_t blobs,
                          const std::vector<StoredFinding>& fresh, const std::vector<std::string>& present,
                          const std::vector<StoredFinding>& refreshed, const std::vector<std::string>& gone);
  // Repositories swept before and not marked removed.
  Expected<std::vector<std::string>> KnownRepositories();
  // The same, each with the fork network it had when last swept ("" if never recorded).
  Expected<std::vector<std::pair<std::string, std::string>>> KnownNetworks();
  // The repository vanished: it and its findings are marked gone.
  Status MarkRemoved(const std::string& repository, int64_t now);

  Expected<uint64_t> BlobsScannedTotal();
  // Everything but timestamps, in a canonical order: two databases with equal dumps hold the
  // same knowledge (used by the crash tests).
  Expected<std::string> Dump();

 private:
  explicit SweepState(sqlite3* db) : db_(db) {}
  Expected<std::vector<StoredFinding>> SelectFindings(const std::string& repository, bool undelivered);
  Status Exec(const char* sql);
  sqlite3* db_;
  sqlite3_stmt* lookup_ = nullptr;  // prepared once: the hot path
};

// Test-only fault injection: COHORTGUARD_SWEEP_FAULT=<point>:<n> raises SIGKILL at the n-th
// time `point` is reached. Points: "mid-batch", "batch-commit", "repository" (before its
// findings are committed), "repository-commit" (after), "report-write" (before a report, or a
// streamed repository's findings, is written), "report-durable" (written, fsynced and renamed,
// not yet marked delivered), "delivered" (marked). Lets the crash tests stop a sweep at exactly
// the worst moments.
void MaybeInjectFault(const char* point);

}  // namespace cg
