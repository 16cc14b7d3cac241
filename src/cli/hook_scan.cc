#include "cli/hook_scan.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "cli/scan_policy.h"
#include "policy/suppression.h"
#include "core/scan_engine.h"
#include "detect/text_detectors.h"
#include "report/report.h"
#include "rules/rule_filter.h"
#include "rules/rule_loader.h"

namespace cg {
namespace {

// Everything a scan touches, shared with the thread running it so that a hook that gives up on
// a slow scan can leave without pulling anything from under it.
struct ScanState {
  RuleSet rules;
  std::vector<std::unique_ptr<TextDetector>> detectors;
  std::unique_ptr<GitSource> source;
  ScanOptions options;
  ScanResult result;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;

  void Run() {
    ScanEngine engine(rules, Borrow(detectors), options);
    ScanResult r = engine.Run(*source);
    std::lock_guard<std::mutex> lock(mu);
    result = std::move(r);
    done = true;
    cv.notify_all();
  }
};

constexpr const char* kTableTooLargeRule = "policy.public-max-table-rows";

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

std::string Quote(const std::string& path) {
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string YamlQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

HookScanOutcome RunHookScan(const HookScanRequest& req) {
  HookScanOutcome out;
  const PolicyOptions defaults;
  const PolicyOptions& policy = req.policy ? *req.policy : defaults;
  auto state = std::make_shared<ScanState>();
  auto rules = LoadRules(policy.no_default_rules, policy.rule_paths);
  if (!rules.ok()) {
    out.setup_error = rules.status().message();
    return out;
  }
  state->rules = std::move(*rules);
  if (auto st = DisableRules(policy.disabled_rules, &state->rules); !st.ok()) {
    out.setup_error = (policy.file.empty() ? "" : policy.file + ": ") + st.message();
    return out;
  }
  auto prepared = PreparePolicy(policy);  // a bad baseline fails before the scan
  if (!prepared.ok()) {
    out.setup_error = prepared.status().message();
    return out;
  }
  state->detectors = BuildTextDetectors(state->rules);
  auto source = MakeGitSource(req.source);
  if (!source.ok()) {
    out.setup_error = source.status().message();
    return out;
  }
  state->source = std::move(*source);
  state->options.analyze.explain = req.max_table_rows > 0;

  if (req.timeout_ms > 0) {
    std::thread([state] { state->Run(); }).detach();
    std::unique_lock<std::mutex> lock(state->mu);
    if (!state->cv.wait_for(lock, std::chrono::milliseconds(req.timeout_ms), [&] { return state->done; })) {
      out.timed_out = true;
      return out;  // the scan thread keeps `state` alive; the caller exits
    }
  } else {
    state->Run();
  }
  out.result = std::move(state->result);
  for (const auto& sk : state->source->skipped()) out.notes.push_back(sk.origin.Display() + ": " + sk.reason);
  out.incomplete = out.result.enumeration_failed || !out.result.errors.empty();
  // The table-size limit is a finding like any other, so an allowlist entry (or marker) that
  // says a synthetic table is fine covers it too.
  if (req.max_table_rows > 0) {
    for (const auto& x : out.result.explanations)
      if (x.rows && *x.rows > req.max_table_rows) out.result.findings.push_back(TableTooLarge(x, req.max_table_rows));
  }
  ApplyPolicy(*prepared, &out.result);
  for (const auto& f : out.result.findings)
    if (f.rule == kTableTooLargeRule || (req.fail_on && f.severity >= *req.fail_on)) out.blocking.push_back(f);
  return out;
}

void PrintPolicyNotes(const HookScanOutcome& o, std::ostream& out) {
  for (const auto& w : o.result.warnings) out << "cohortguard: warning: " << w << "\n";
  if (o.result.suppressed.empty()) return;
  std::map<std::string, size_t> by;  // allowlist / inline / baseline: the first word of suppressed_by
  for (const auto& f : o.result.suppressed) ++by[f.suppressed_by.substr(0, f.suppressed_by.find(' '))];
  out << "cohortguard: " << o.result.suppressed.size() << " finding(s) suppressed, not blocking:";
  const char* sep = " ";
  for (const auto& [kind, n] : by) {
    out << sep << n << " by " << (kind == "inline" ? "inline cohortguard:allow" : kind);
    sep = ", ";
  }
  out << "\n";
}

void PrintBlockingReport(const HookScanOutcome& o, HookKind kind, const std::string& headline, std::ostream& out) {
  out << "cohortguard: " << headline << "\n\n";
  ScanResult shown;
  shown.findings = o.blocking;
  shown.errors = o.result.errors;
  shown.stats = o.result.stats;
  shown.Sort();
  ReportOptions ro;
  WriteTextReport(shown, ro, out);

  std::set<std::string> paths;
  std::map<std::string, std::string> first_commit;
  for (const auto& f : o.blocking) {
    if (f.origin.path.empty()) continue;
    paths.insert(f.origin.path);
    if (!f.origin.commit.empty() && !first_commit.count(f.origin.path)) first_commit[f.origin.path] = f.origin.commit;
  }
  if (o.blocking.empty()) return;
  out << "\nHow to fix:\n";
  if (kind == HookKind::kPreCommit) {
    for (const auto& p : paths) {
      out << "  " << p << "\n"
          << "    keep the file, commit without it:  git restore --staged -- " << Quote(p) << "\n"
          << "    stop tracking it (keeps it on disk): git rm --cached -- " << Quote(p) << "\n"
          << "    keep it out for good:               add it (or its folder) to .gitignore\n";
    }
  } else {
    for (const auto& p : paths) {
      std::string c = first_commit.count(p) ? first_commit[p].substr(0, 12) : "";
      out << "  " << p << (c.empty() ? "" : " (first in commit " + c + ")") << "\n"
          << "    deleting it in a new commit is not enough: the earlier commit still carries it.\n"
          << "    rewrite the unpushed history without it, e.g. git rebase -i " << (c.empty() ? "<commit>" : c) << "^\n"
          << "    (edit or drop that commit), or git filter-repo --invert-paths --path " << Quote(p) << "\n";
    }
    if (kind == HookKind::kPreReceive) out << "  The server refused the push; nothing was updated.\n";
  }
  if (kind == HookKind::kPreReceive) {
    out << "  Not participant data (synthetic or published aggregates)? The server's administrator can add an\n"
           "  allowlist entry with a reason to the server's config file (git config cohortguard.config).\n";
    return;
  }
  const std::string example = paths.empty() ? "PATH" : *paths.begin();
  out << "  Not participant data (synthetic or published aggregates)? Add an allowlist entry with a reason\n"
         "  to .cohortguard.yaml, e.g.\n"
         "    allowlist:\n"
         "      - path: " << YamlQuote(example) << "\n"
         "        reason: synthetic fixture, generated by ...\n"
         "  or put 'cohortguard:allow' on the line (in a table's first " << kTableMarkerLines << " lines for the whole table).\n";
}

}  // namespace cg
