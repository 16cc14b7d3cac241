#include "engine/scan_session.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "detect/id_set.h"
#include "detect/text_detectors.h"
#include "engine/fingerprint_key.h"
#include "engine/push_cache.h"
#include "engine/sweep_configuration.h"
#include "policy/prepared_policy.h"
#include "policy/threshold.h"
#include "rules/rule_filter.h"
#include "rules/rule_loader.h"
#include "sweep/sweep_state.h"

namespace cg {
namespace {

// Everything a scan touches, shared with the thread that runs it, so that a caller that stops
// waiting (timeout_ms) can leave without pulling anything from under it.
struct Session {
  RuleSet rules;
  std::vector<std::unique_ptr<TextDetector>> detectors;
  IdSetCollection idsets;
  std::unique_ptr<ScanEngine> engine;
  std::optional<PreparedPolicy> policy;
  std::unique_ptr<Source> source;
  GitSource* git = nullptr;  // source, when it is a git source
  std::optional<CleanBlobCache> cache;        // request.clean_cache_dir
  std::unique_ptr<KnownCleanFilter> filter;   // over `source`, when there is a cache
  ScanResult result;
  ScanResult partial;  // timeout_ms: what finished items found so far, after the policy (under mu)
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
};

// Rule titles for report formats that describe rules (SARIF).
std::vector<RuleInfo> RuleInfos(const RuleSet& rules) {
  std::vector<RuleInfo> out;
  for (const auto& t : rules.tables) out.push_back({t.id, t.title, t.category, t.max_severity});
  for (const auto& r : rules.secrets) out.push_back({r.id, r.title, "secret", r.severity});
  if (rules.small_cells.enabled)
    out.push_back({rules.small_cells.rule, "Aggregate table with small cells (disclosure risk)", "small-cells",
                   Severity::kLow});
  out.push_back({"content.decompression-bomb", "Suspected decompression bomb", "policy", Severity::kMedium});
  return out;
}

Finding TableTooLarge(const Explanation& x, int64_t limit) {
  Finding f;
  f.rule = kTableTooLargeRule;
  f.category = "policy";
  f.severity = Severity::kHigh;
  f.confidence = 1;
  f.origin = x.origin;
  f.rows = x.rows;
  f.columns = x.columns;
  f.message = "a table of " + std::to_string(*x.rows) + " rows, more than remotes.public_max_table_rows (" +
              std::to_string(limit) + ") allows on a public remote";
  return f;
}

// Rules, id sets, allowlist and baseline, engine: everything that can fail before a scan.
Status Prepare(const ScanRequest& req, Session* s) {
  const PolicyOptions& policy = req.policy;
  auto rules = LoadRules(policy.no_default_rules, policy.rule_paths);
  if (!rules.ok()) return rules.status();
  s->rules = std::move(*rules);
  if (auto st = DisableRules(policy.disabled_rules, &s->rules); !st.ok())
    return Status::InvalidArgument((policy.file.empty() ? "" : policy.file + ": ") + st.message());
  auto idsets = LoadIdSetOptions(req.idsets.paths, req.idsets.key_file);
  if (!idsets.ok()) return idsets.status();
  s->idsets = std::move(*idsets);
  auto prepared = PreparedPolicy::Prepare(policy);
  if (!prepared.ok()) return prepared.status();
  s->policy.emplace(std::move(*prepared));
  ScanOptions so = req.scan;
  if (!s->idsets.empty()) so.analyze.idsets = &s->idsets;
  if (req.max_table_rows > 0) so.analyze.explain = true;  // the table sizes come from explanations
  if (!req.clean_cache_dir.empty()) so.record_scanned = true;  // what was read in full goes into the cache
  auto key = LoadFingerprintKey(policy);
  if (!key.ok()) return key.status();
  s->detectors = BuildTextDetectors(s->rules, *key);
  s->engine = std::make_unique<ScanEngine>(s->rules, Borrow(s->detectors), so);
  return Status::Ok();
}

Status MakeSource(const ScanRequest& req, Session* s) {
  const ScanTarget& target = req.source;
  if (target.kind == ScanTarget::Kind::kFiles) {
    s->source = std::make_unique<WorktreeSource>(target.files);
    return Status::Ok();
  }
  GitSourceOptions options = target.git;
  options.allow_partial_clone = options.allow_partial_clone || req.policy.allow_partial_clone;
  auto git = MakeGitSource(options);
  if (!git.ok()) return git.status();
  s->git = git->get();
  s->source = std::move(*git);
  return Status::Ok();
}

// The engine over the source; file scans stream each item's findings after the policy.
void RunEngine(const ScanRequest& req, Session* s, bool stream) {
  ItemListener item_listener;
  const bool keep_partial = req.timeout_ms > 0;  // findings made before a deadline still count
  if (stream || keep_partial) {
    item_listener = [&req, s, stream, keep_partial](const std::vector<Finding>& findings,
                                                     const std::vector<AllowMarker>& markers) {
      ScanResult item;
      item.findings = findings;
      item.allow_markers = markers;
      s->policy->Apply(&item);
      if (stream && !item.findings.empty()) req.listener(item.findings);
      if (keep_partial) {
        std::lock_guard<std::mutex> lock(s->mu);
        for (auto& f : item.findings) s->partial.findings.push_back(std::move(f));
        for (auto& f : item.suppressed) s->partial.suppressed.push_back(std::move(f));
      }
    };
  }
  ScanResult r = s->engine->Run(s->filter ? *s->filter : *s->source, item_listener);
  if (s->git) {
    for (const auto& sk : s->git->skipped()) r.Skip(sk.origin, sk.reason);
    for (const auto& w : s->git->warnings()) r.warnings.push_back(w);
  }
  s->engine->MaskSecrets(&r);  // what the source skipped may be named by a path holding a secret
  // The table-size limit is a finding like any other, so an allowlist entry (or marker) that
  // says a synthetic table is fine covers it too.
  if (req.max_table_rows > 0) {
    for (const auto& x : r.explanations)
      if (x.rows && *x.rows > req.max_table_rows) r.findings.push_back(TableTooLarge(x, req.max_table_rows));
    r.Sort();
  }
  s->policy->Apply(&r);
  if (s->cache) {
    s->cache->AddClean(r.scanned, r);
    if (!req.scan.record_scanned) r.scanned.clear();
  }
  std::lock_guard<std::mutex> lock(s->mu);
  s->result = std::move(r);
  s->done = true;
  s->cv.notify_all();
}

// A folder of mirrors: incremental, through the sweep state.
void RunMirrors(const ScanRequest& req, Session* s, ScanOutcome* out) {
  const MirrorsTarget& m = req.source.mirrors;
  std::error_code ec;
  if (!std::filesystem::is_directory(m.root, ec)) {
    out->setup = Status::InvalidArgument(m.root + " is not a folder");
    return;
  }
  std::string state_path = m.state_path;
  if (state_path.empty()) {
    std::filesystem::path dir = std::filesystem::path(m.root) / ".cohortguard";
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      out->setup = Status::InvalidArgument("cannot create " + dir.string() + ": " + ec.message() + " (give --state)");
      return;
    }
    state_path = (dir / "sweep.sqlite").string();
  }
  auto digest = SweepConfigurationDigest(req.policy, req.scan, s->idsets);
  if (!digest.ok()) {
    out->setup = digest.status();
    return;
  }
  auto opened = SweepState::Open(state_path);
  if (!opened.ok()) {
    out->setup = opened.status();
    return;
  }
  std::shared_ptr<SweepState> state = std::move(*opened);
  ScanResult& result = s->result;
  auto reset = state->UseConfiguration(*digest);
  if (!reset.ok()) {
    result.enumeration_failed = true;
    result.errors.push_back({Origin{}, reset.status().message()});
    return;
  }
  out->sweep_reset = *reset;
  SweepOptions sw;
  sw.batch = m.batch;
  sw.report_all = m.report_all;
  sw.shard = m.shard;
  sw.now = m.now;
  sw.budget_s = m.budget_s;
  sw.progress = m.progress;
  PreparedPolicy& policy = *s->policy;
  SweepRunner runner(
      [s](Source& batch) {
        ScanResult r = s->engine->Run(batch);
        s->policy->ApplyMarkers(&r);
        return r;
      },
      *state, sw, [&policy](const Finding& f) { return policy.SuppressedBy(f); });
  auto undelivered = std::make_shared<std::vector<DeliveryKey>>();
  Status st = runner.Run(m.root, m.deliver, &result, &out->sweep, undelivered.get());
  if (!st.ok()) {
    result.enumeration_failed = true;  // the state (or the stream) failed: the sweep stopped
    result.errors.push_back({Origin{}, st.message()});
  }
  for (auto& w : policy.Warnings()) result.warnings.push_back(std::move(w));
  out->streamed = static_cast<bool>(m.deliver);
  const int64_t now = m.now;
  if (!m.deliver) out->mark_delivered = [state, undelivered, now] { return state->MarkDelivered(*undelivered, now); };
}

void DecideBlocking(const ScanRequest& req, ScanOutcome* out) {
  ScanResult& r = out->result;
  out->incomplete = r.enumeration_failed || !r.errors.empty();
  for (const auto& f : r.findings)
    if (f.rule == kTableTooLargeRule || Blocks(f, req.policy.fail_on)) out->blocking.push_back(f);
}

}  // namespace

ScanOutcome RunScanSession(const ScanRequest& req) {
  ScanOutcome out;
  auto s = std::make_shared<Session>();
  out.setup = Prepare(req, s.get());
  if (!out.setup.ok()) return out;
  out.rules = RuleInfos(s->rules);

  if (req.source.kind == ScanTarget::Kind::kMirrors) {
    RunMirrors(req, s.get(), &out);
    if (!out.setup.ok()) return out;
    out.result = std::move(s->result);
    DecideBlocking(req, &out);
    return out;
  }

  out.setup = MakeSource(req, s.get());
  if (!out.setup.ok()) return out;
  if (!req.clean_cache_dir.empty() && s->git) {
    auto digest = PushCacheDigest(req);
    if (!digest.ok()) {
      out.setup = digest.status();
      return out;
    }
    s->cache.emplace(CleanBlobCache::Load(req.clean_cache_dir, *digest));
    s->filter = std::make_unique<KnownCleanFilter>(*s->source, *s->cache);
  }
  const bool stream = req.listener && !s->source->items_are_blobs();
  if (req.timeout_ms > 0) {
    // The caller exits when this gives up; the detached thread keeps `s` (and `req`'s copy in
    // it) alive until then.
    auto req_copy = std::make_shared<ScanRequest>(req);
    std::thread([req_copy, s, stream] { RunEngine(*req_copy, s.get(), stream); }).detach();
    std::unique_lock<std::mutex> lock(s->mu);
    if (!s->cv.wait_for(lock, std::chrono::milliseconds(req.timeout_ms), [&] { return s->done; })) {
      out.timed_out = true;
      out.result.findings = s->partial.findings;
      out.result.suppressed = s->partial.suppressed;
      out.result.Sort();
      DecideBlocking(req, &out);
      return out;
    }
    out.result = std::move(s->result);
  } else {
    RunEngine(req, s.get(), stream);
    out.result = std::move(s->result);
  }
  out.streamed = stream;
  if (s->cache) {
    out.known_clean = s->filter->skipped_known();
    if (Status st = s->cache->Save(); !st.ok()) out.cache_note = st.message();
  }
  DecideBlocking(req, &out);
  return out;
}

}  // namespace cg
