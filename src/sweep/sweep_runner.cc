#include "sweep/sweep_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_set>

#include "policy/fingerprint.h"
#include "source/git_source.h"
#include "sweep/finding_codec.h"
#include "sweep/fork_network.h"
#include "sweep/provenance.h"

namespace cg {
namespace {

std::string BlobOf(const Item& item) { return item.origin.blob.empty() ? item.key : item.origin.blob; }

// A finding as detection made it, before attribution: what decides whether a stored finding
// still says the same (rules, id sets or limits may have changed since it was stored).
std::string Detected(Finding f) {
  f.origin.repository.clear();
  f.origin.path.clear();
  f.origin.commit.clear();
  f.fingerprint.clear();
  f.provenance.reset();
  return FindingToJson(f);
}

void Tag(std::vector<ScanError>& errors, size_t from, const std::string& repository) {
  for (size_t i = from; i < errors.size(); ++i) errors[i].origin.repository = repository;
}

}  // namespace

void SweepRunner::Suppress(std::vector<Finding>* findings, std::vector<std::string>* keys, ScanResult* result) const {
  if (!policy_) return;
  size_t out = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    Finding& f = (*findings)[i];
    std::string why = policy_(f);
    if (!why.empty()) {
      f.suppressed_by = std::move(why);
      result->suppressed.push_back(std::move(f));
      ++result->stats.suppressed;
      continue;
    }
    if (out != i) {
      (*findings)[out] = std::move(f);
      if (keys) (*keys)[out] = std::move((*keys)[i]);
    }
    ++out;
  }
  findings->resize(out);
  if (keys) keys->resize(out);
}

Status SweepRunner::Run(const std::string& root, const SweepDeliverFn& deliver, ScanResult* result,
                        SweepSummary* summary, std::vector<DeliveryKey>* undelivered) {
  deliver_ = deliver;
  undelivered_ = undelivered;
  const auto start = std::chrono::steady_clock::now();
  auto repos = FindRepositories(root, FindOptions{}, &result->errors);
  if (!repos.ok()) return repos.status();
  std::set<std::string> found;
  // Forks of one network share a shard, so its state reads their shared history once.
  std::vector<std::pair<const MirrorRepository*, std::string>> mine;
  for (const MirrorRepository& repo : *repos) {
    found.insert(repo.relative);
    std::string network = ForkNetwork(repo.path, repo.relative);
    if (options_.shard.Contains(network)) mine.emplace_back(&repo, std::move(network));
    else ++summary->other_shards;
  }
  if (options_.progress) {
    options_.progress->repositories_total = mine.size();
    options_.progress->listed.store(true, std::memory_order_release);
  }
  for (const auto& [repo, network] : mine) {
    Status st = SweepRepository(*repo, network, result, summary);
    if (!st.ok()) return st;
    if (options_.progress) ++options_.progress->repositories_done;
  }
  auto known = state_.KnownNetworks();
  if (!known.ok()) return known.status();
  for (const auto& [r, network] : *known) {
    if (found.count(r) || !options_.shard.Contains(network.empty() ? "path:" + r : network)) continue;
    Status st = state_.MarkRemoved(r, options_.now);
    if (!st.ok()) return st;
    summary->removed.push_back(r);
    st = ReportRepository(r, {}, {}, {}, result, summary);  // what it leaked before it vanished
    if (!st.ok()) return st;
  }
  result->Sort();
  result->stats.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  return Status::Ok();
}

Status SweepRunner::SweepRepository(const MirrorRepository& repo, const std::string& network, ScanResult* result,
                                    SweepSummary* summary) {
  GitSourceOptions gso;
  gso.mode = GitScanMode::kHistory;
  gso.repo_path = repo.path;
  auto made = MakeGitSource(gso);
  if (!made.ok()) return made.status();
  GitSource& source = **made;
  ++summary->repositories;
  const auto started = std::chrono::steady_clock::now();

  // 1. List every blob; keep the ones never scanned.
  std::vector<Item> items;
  std::vector<ScanError> errors;
  std::vector<Skipped> skipped;  // this repository's, attributed with its findings
  Status st = source.Enumerate(&items, &errors);
  if (!st.ok()) {
    errors.push_back({Origin{}, "cannot read repository: " + st.message()});
    Tag(errors, 0, repo.relative);
    result->errors.insert(result->errors.end(), errors.begin(), errors.end());
    return Status::Ok();  // not removed, just unreadable this time: its findings stay as they were
  }
  summary->blobs_listed += items.size();
  std::vector<Item> todo;
  std::set<std::string> finding_blobs;  // blobs of this repository known to have findings
  for (Item& item : items) {
    auto known = state_.Lookup(BlobOf(item));
    if (!known.ok()) return known.status();
    if (*known == BlobState::kUnknown) todo.push_back(std::move(item));
    else if (*known == BlobState::kFindings) finding_blobs.insert(BlobOf(item));
  }
  summary->blobs_known += items.size() - todo.size();
  const uint64_t listed = items.size();
  items.clear();

  // 2. Scan them in batches, each committed with its findings, while the budget lasts.
  std::set<std::string> unread;  // left for the next sweep when the budget ran out
  for (size_t begin = 0; begin < todo.size(); begin += options_.batch) {
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options_.budget_s > 0 && spent >= options_.budget_s) {
      for (size_t i = begin; i < todo.size(); ++i) unread.insert(BlobOf(todo[i]));
      char what[160];
      std::snprintf(what, sizeof what,
                    "incomplete: the time budget of %g s ran out after %zu of %zu new blobs; the next sweep reads the rest",
                    options_.budget_s, begin, todo.size());
      errors.push_back({Origin{}, what});
      ++summary->over_budget;
      break;
    }
    size_t end = std::min(todo.size(), begin + options_.batch);
    std::vector<Item> slice(todo.begin() + static_cast<std::ptrdiff_t>(begin),
                            todo.begin() + static_cast<std::ptrdiff_t>(end));
    std::vector<std::string> ids;
    for (const Item& i : slice) ids.push_back(BlobOf(i));
    BatchSource batch(source, std::move(slice));
    ScanResult r = scan_(batch);
    for (const Finding& f : r.findings) finding_blobs.insert(f.origin.blob);
    st = state_.RecordBatch(ids, r.findings);
    if (!st.ok()) return st;
    summary->blobs_scanned += ids.size();
    if (options_.progress) options_.progress->blobs_scanned += ids.size();
    result->stats.blobs += r.stats.blobs;
    result->stats.bytes += r.stats.bytes;
    result->stats.skipped += r.stats.skipped;
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    skipped.insert(skipped.end(), r.skipped.begin(), r.skipped.end());
    for (Finding& f : r.suppressed) f.origin.repository = repo.relative;
    result->suppressed.insert(result->suppressed.end(), r.suppressed.begin(), r.suppressed.end());
    result->stats.suppressed += r.suppressed.size();
  }

  // 3. This repository's findings: new ones are attributed and recorded; the rest were reported.
  auto stored = state_.RepositoryFindings(repo.relative);
  if (!stored.ok()) return stored.status();
  std::map<std::string, const StoredFinding*> before;
  for (const StoredFinding& s : *stored) before[s.key] = &s;
  std::vector<Finding> fresh;
  std::vector<std::string> fresh_keys, present, reported_keys;
  std::vector<Finding> reported, present_findings;
  for (const std::string& blob : finding_blobs) {
    auto bf = state_.BlobFindings(blob);
    if (!bf.ok()) return bf.status();
    std::vector<std::string> keys = FindingKeys(*bf);
    for (size_t i = 0; i < bf->size(); ++i) {
      auto it = before.find(keys[i]);
      const bool same = it != before.end() && !it->second->gone && Detected(it->second->finding) == Detected((*bf)[i]);
      if (same) {
        present.push_back(keys[i]);
        present_findings.push_back(it->second->finding);
        continue;
      }
      fresh.push_back(std::move((*bf)[i]));
      fresh_keys.push_back(keys[i]);
    }
  }
  // HEAD may have moved since they were recorded: whether each is still in HEAD is redone.
  std::vector<StoredFinding> refreshed;
  for (size_t i : RefreshAtHead(repo.path, &present_findings)) {
    StoredFinding s;
    s.key = present[i];
    s.finding = present_findings[i];
    refreshed.push_back(std::move(s));
  }
  if (options_.report_all) {
    reported = std::move(present_findings);
    reported_keys = present;
  }
  std::vector<Origin*> origins;
  for (Finding& f : fresh) origins.push_back(&f.origin);
  for (ScanError& e : errors) origins.push_back(&e.origin);
  for (Skipped& s : skipped) origins.push_back(&s.origin);
  st = source.Finish(origins, &errors);
  if (!st.ok()) errors.push_back({Origin{}, "cannot attribute findings: " + st.message()});
  for (Skipped& s : skipped) s.origin.repository = repo.relative;
  result->skipped.insert(result->skipped.end(), skipped.begin(), skipped.end());
  for (Finding& f : fresh) f.origin.repository = repo.relative;
  AddProvenance(repo.path, &fresh, &errors);
  AssignFingerprints(&fresh);
  Suppress(&fresh, &fresh_keys, result);
  Suppress(&reported, &reported_keys, result);
  uint64_t changed = 0;  // back after being gone, or saying something new (e.g. an id set now matches)
  for (const std::string& k : fresh_keys) changed += before.count(k);
  Tag(errors, 0, repo.relative);
  result->errors.insert(result->errors.end(), errors.begin(), errors.end());

  std::unordered_set<std::string> now_present(present.begin(), present.end());
  now_present.insert(fresh_keys.begin(), fresh_keys.end());
  std::vector<std::string> gone;
  for (const StoredFinding& s : *stored)
    if (!s.gone && !now_present.count(s.key) && !unread.count(s.blob)) gone.push_back(s.key);
  std::vector<StoredFinding> to_store;
  for (size_t i = 0; i < fresh.size(); ++i) {
    StoredFinding s;
    s.key = fresh_keys[i];
    s.blob = fresh[i].origin.blob;
    s.finding = fresh[i];
    to_store.push_back(std::move(s));
  }
  st = state_.RecordRepository(repo.relative, network, options_.now, listed, to_store, present, refreshed, gone);
  if (!st.ok()) return st;
  summary->findings_new += fresh.size() - changed;
  summary->findings_changed += changed;
  summary->findings_gone += gone.size();
  return ReportRepository(repo.relative, std::move(reported), reported_keys, fresh_keys, result, summary);
}

Status SweepRunner::ReportRepository(const std::string& repository, std::vector<Finding> current,
                                     const std::vector<std::string>& current_keys,
                                     const std::vector<std::string>& fresh_keys, ScanResult* result,
                                     SweepSummary* summary) {
  auto outbox = state_.Undelivered(repository);
  if (!outbox.ok()) return outbox.status();
  std::set<std::string> fresh(fresh_keys.begin(), fresh_keys.end());
  std::set<std::string> queued;
  std::vector<Finding> findings;
  std::vector<std::string> keys;
  for (StoredFinding& s : *outbox) {
    queued.insert(s.key);
    if (!fresh.count(s.key)) ++summary->findings_redelivered;
    findings.push_back(std::move(s.finding));
    keys.push_back(std::move(s.key));
  }
  Suppress(&findings, &keys, result);  // the policy may have changed since an earlier run recorded them
  for (size_t i = 0; i < current.size(); ++i)
    if (!queued.count(current_keys[i])) findings.push_back(std::move(current[i]));

  ScanResult mine;  // sorted as the whole report will be, so a stream is in report order
  mine.findings = std::move(findings);
  mine.Sort();
  std::vector<DeliveryKey> delivery;
  for (std::string& k : keys) delivery.push_back({repository, std::move(k)});
  if (deliver_) {
    if (!mine.findings.empty()) {
      Status st = deliver_(mine.findings);
      if (!st.ok()) return Status::IoError("report not written (" + st.message() + "): the findings of " + repository +
                                           " stay undelivered for the next sweep");
    }
    Status st = state_.MarkDelivered(delivery, options_.now);
    if (!st.ok()) return st;
  } else if (undelivered_) {
    undelivered_->insert(undelivered_->end(), delivery.begin(), delivery.end());
  }
  result->findings.insert(result->findings.end(), mine.findings.begin(), mine.findings.end());
  return Status::Ok();
}

}  // namespace cg
