// ScanSession: one scan, from a request to an outcome, for every entry point.
//
// `scan`, the three hooks and `sweep` each build a ScanRequest (what to read, the policy as the
// configuration files and the command line made it, engine options, id sets) and turn the
// ScanOutcome into an exit code (ExitCodeFor); nothing else. The session loads and filters the
// rules, loads the id sets, prepares the allowlist and baseline (a bad one fails before the
// scan), builds the source, runs the engine (or the sweep of a folder of mirrors), applies the
// policy and decides what blocks (policy/threshold). So the same configuration blocks the same
// findings wherever it is applied.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "core/status.h"
#include "engine/scan_engine.h"
#include "policy/config.h"
#include "report/report.h"
#include "source/git_source.h"
#include "source/worktree_source.h"
#include "sweep/shard.h"
#include "sweep/sweep_runner.h"

namespace cg {

// A folder of mirrors, swept incrementally (sweep/sweep_runner).
struct MirrorsTarget {
  std::string root;
  std::string state_path;  // "": ROOT/.cohortguard/sweep.sqlite
  ShardSpec shard;
  size_t batch = 512;
  bool report_all = false;
  int64_t now = 0;         // the run's timestamp (seconds since the epoch)
  double budget_s = 0;     // >0: per repository (SweepOptions::budget_s)
  SweepProgress* progress = nullptr;  // borrowed; for a progress line
  // Set: a streamed report. Each repository's findings are written through it as soon as the
  // repository is done, and marked delivered when it returns ok (it must have made them
  // durable: written and fsynced). Unset: ScanOutcome::mark_delivered, after the whole report.
  SweepDeliverFn deliver;
};

// What to read: exactly one of the three, as `kind` says.
struct ScanTarget {
  enum class Kind { kFiles, kGit, kMirrors };
  Kind kind = Kind::kFiles;
  WalkOptions files;
  GitSourceOptions git;
  MirrorsTarget mirrors;
};

struct IdSetFiles {
  std::vector<std::string> paths;  // .cgid files
  std::string key_file;
};

// Unsuppressed findings as soon as they are final: per item for file scans, per repository for
// sweeps (git sources attribute blobs to commits only at the end, so they are not streamed).
// Called from one thread at a time.
using FindingsListener = std::function<void(const std::vector<Finding>& findings)>;

struct ScanRequest {
  ScanTarget source;
  PolicyOptions policy;      // configuration files, then the command line over them
  ScanOptions scan;          // threads, --max-file-size, --explain, progress
  IdSetFiles idsets;
  int64_t max_table_rows = 0;  // >0: any table with more rows blocks (pushes to public remotes)
  int timeout_ms = 0;          // >0: give up waiting after this long (pre-receive)
  // Git sources: a folder (GIT_COMMON_DIR/cohortguard) holding a cache of blobs already
  // scanned clean under this configuration (engine/push_cache): they are not read again, and
  // what this scan finds clean is added. "": no cache.
  std::string clean_cache_dir;
  FindingsListener listener;
};

struct ScanOutcome {
  Status setup;                  // not ok: nothing was scanned (bad rules, config, option: exit 2)
  ScanResult result;             // after policy: result.suppressed, result.warnings
  std::vector<Finding> blocking; // findings at or above policy.fail_on, and policy-limit findings
  bool incomplete = false;       // something could not be read (errors) or nothing could be listed
  bool timed_out = false;        // timeout_ms passed first; `result` (and `blocking`) hold only
                                 // what the items finished by then found
  bool streamed = false;         // the listener saw every finding
  uint64_t known_clean = 0;      // items left out because clean_cache_dir says they are clean
  std::string cache_note;        // the cache could not be read or written (it is only a cache)
  std::vector<RuleInfo> rules;   // the loaded rules, for report formats that describe them
  SweepSummary sweep;            // mirrors only
  bool sweep_reset = false;      // mirrors only: the configuration changed, every blob rescanned
  // Mirrors without MirrorsTarget::deliver: call once the report holding result.findings is
  // durably written (fsync, rename); marks them delivered, so no later sweep reports them again.
  // Until then they stay in the state's outbox and the next sweep reports them again.
  std::function<Status()> mark_delivered;
};

ScanOutcome RunScanSession(const ScanRequest& request);

// The rule id of the finding that remotes.public_max_table_rows makes.
inline constexpr const char* kTableTooLargeRule = "policy.public-max-table-rows";

}  // namespace cg
