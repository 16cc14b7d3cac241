// SweepRunner: one sweep of a folder of mirrors, incremental through a SweepState.
//
// For each repository of this shard, in path order: list every blob of its object database
// (GitHistorySource), drop the blobs the state has already scanned (in any repository, in any
// earlier run), scan the rest in batches (each batch committed to the state with its findings),
// then put together the repository's findings — from new blobs and from known blobs that had
// findings elsewhere (a fork that carries the same leak) — attribute the ones this repository
// has not reported before to commit and path, and record them. Findings whose blob left the
// repository (force-push, gc) are marked gone; repositories that vanished are marked removed.
//
// Reported: every finding of the repository that no durably written report has held yet (the
// state's outbox): the ones first seen in this run, known ones whose detection now says
// something else (after a rules or id-set change: "matched 4,812 of 5,000 ids of APP12345" on an
// old leak is news) or that came back after being gone, and the ones an interrupted earlier run
// recorded but never delivered. SweepOptions::report_all: every current finding as well.
// Delivery: a streamed report (SweepDeliverFn) marks each repository's findings delivered once
// it has written them durably; otherwise Run() hands back their keys and the caller marks them
// after writing the whole report (SweepState::MarkDelivered).
// ScanResult::stats count what this run read: blobs skipped because they were known are not
// in stats.blobs (they are in SweepSummary::blobs_known).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "source/mirror_sweep.h"
#include "sweep/shard.h"
#include "sweep/sweep_state.h"

namespace cg {

// Counters for a progress line, bumped as the sweep goes (relaxed atomics: for a display only).
struct SweepProgress {
  std::atomic<bool> listed{false};  // the shard's repositories are known
  std::atomic<uint64_t> repositories_total{0};
  std::atomic<uint64_t> repositories_done{0};
  std::atomic<uint64_t> blobs_scanned{0};
};

struct SweepOptions {
  size_t batch = 512;        // blobs per committed batch (smaller: less redone after a crash)
  bool report_all = false;   // report every current finding, not only the new ones
  ShardSpec shard;
  int64_t now = 0;           // the run's timestamp (seconds since the epoch)
  // >0: each repository's reading stops once this long has passed since it was started (checked
  // before each batch): the repository is an error of the result ("incomplete"), what was read
  // is committed, recorded and reported, and the next sweep reads the rest.
  double budget_s = 0;
  SweepProgress* progress = nullptr;  // borrowed; bumped when set
};

struct SweepSummary {
  uint64_t repositories = 0;        // swept by this shard
  uint64_t other_shards = 0;        // found, left to other shards
  uint64_t blobs_listed = 0;        // in the object databases swept
  uint64_t blobs_known = 0;         // skipped: already scanned (earlier run or another repository)
  uint64_t blobs_scanned = 0;
  uint64_t findings_new = 0;        // first seen in this run
  uint64_t findings_changed = 0;    // seen before, now saying more (or back after being gone)
  uint64_t findings_gone = 0;
  uint64_t findings_redelivered = 0; // recorded by an interrupted earlier run, never delivered
  uint64_t over_budget = 0;         // repositories whose budget ran out before all was read
  std::vector<std::string> removed;  // repositories that vanished since the last sweep
};

// Writes each repository's reported findings durably as soon as the repository is done (a
// streamed report); ok: they are marked delivered. Not ok stops the sweep (the returned Status)
// and the findings stay in the outbox for the next run.
using SweepDeliverFn = std::function<Status(const std::vector<Finding>&)>;

// Scans one batch of a repository's items: the engine, with inline markers already applied
// (findings they cover are in the result's `suppressed`, never recorded as the blob's).
using BatchScanFn = std::function<ScanResult(Source& batch)>;
// Asked for each finding of a repository before it is reported and recorded: why the policy
// (allowlist, baseline) suppresses it, or "". A suppressed finding goes to the result's
// `suppressed` and is not recorded as reported, so it is reported once the policy stops
// covering it.
using SweepPolicyFn = std::function<std::string(const Finding& finding)>;

class SweepRunner {
 public:
  // `state` is borrowed and must outlive the runner.
  SweepRunner(BatchScanFn scan, SweepState& state, SweepOptions options, SweepPolicyFn policy)
      : scan_(std::move(scan)), state_(state), options_(options), policy_(std::move(policy)) {}

  // A failure of the state database (or of `deliver`) stops the sweep (returned Status); a
  // repository that cannot be read is an error in the result and the sweep goes on. Without
  // `deliver`, `undelivered` receives the keys of result->findings that the state does not yet
  // know as delivered.
  Status Run(const std::string& root, const SweepDeliverFn& deliver, ScanResult* result, SweepSummary* summary,
             std::vector<DeliveryKey>* undelivered);

 private:
  Status SweepRepository(const MirrorRepository& repo, const std::string& network, ScanResult* result,
                         SweepSummary* summary);
  // Reports `current` (report_all) and the repository's outbox: streamed through deliver_, or
  // into result->findings with their keys in undelivered_.
  Status ReportRepository(const std::string& repository, std::vector<Finding> current,
                          const std::vector<std::string>& current_keys, const std::vector<std::string>& fresh_keys,
                          ScanResult* result, SweepSummary* summary);
  // Moves what policy_ suppresses from `findings` (and the matching `keys`) to result->suppressed.
  void Suppress(std::vector<Finding>* findings, std::vector<std::string>* keys, ScanResult* result) const;

  BatchScanFn scan_;
  SweepState& state_;
  SweepOptions options_;
  SweepPolicyFn policy_;
  SweepDeliverFn deliver_;
  std::vector<DeliveryKey>* undelivered_ = nullptr;
};

}  // namespace cg
