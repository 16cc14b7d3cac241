// cohortguard scan [PATH ...]: the main job.
#include <fstream>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/progress_display.h"
#include "cli/scan_policy.h"
#include "cli/size_option.h"
#include "cli/terminal.h"
#include "core/scan_engine.h"
#include "detect/id_set.h"
#include "detect/text_detectors.h"
#include "report/report.h"
#include "rules/rule_filter.h"
#include "rules/rule_loader.h"
#include "rules/secret_rule.h"
#include "source/git_source.h"
#include "source/worktree_source.h"

namespace cg {
namespace po = boost::program_options;

namespace {

struct ScanCommandOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::string fail_on = "medium";
  int threads = 0;
  bool explain = false;
  bool no_ignore = false;
  std::string max_file_size = "256M";
  std::string color = "auto";
  bool no_progress = false;
  std::string config;
  std::string baseline;
  bool show_suppressed = false;
  bool staged = false;
  std::string range;
  bool history = false;
  std::vector<std::string> idsets;
  std::string idset_key;
};

po::options_description Describe(ScanCommandOptions& o) {
  po::options_description d("options");
  d.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&o.format)->default_value(o.format)->value_name(ReportFormatNames("|")), "report format")
      ("output,o", po::value(&o.output)->value_name("FILE"), "write the report to this file instead of stdout")
      ("rules", po::value(&o.rules)->composing()->value_name("PATH"), "extra rule file or folder (repeatable)")
      ("no-default-rules", po::bool_switch(&o.no_default_rules), "do not load the built-in rule packs")
      ("fail-on", po::value(&o.fail_on)->default_value(o.fail_on)->value_name("high|medium|low|never"),
       "exit 1 when a finding is at or above this severity")
      ("threads,j", po::value(&o.threads)->default_value(0)->value_name("N"), "worker threads; 0 uses every core")
      ("explain", po::bool_switch(&o.explain), "show per-table evidence and scores, flagged or not")
      ("no-ignore", po::bool_switch(&o.no_ignore), "do not honour .gitignore")
      ("max-file-size", po::value(&o.max_file_size)->default_value(o.max_file_size)->value_name("SIZE"),
       "analyse larger files from their head only (bytes; K, M, G suffixes)")
      ("idset", po::value(&o.idsets)->composing()->value_name("SET.cgid"),
       "id set to match id columns against (repeatable; see 'cohortguard idset')")
      ("idset-key", po::value(&o.idset_key)->value_name("FILE"), "key file the --idset sets were built with")
      ("color", po::value(&o.color)->default_value(o.color)->value_name("auto|always|never"),
       "colour the text report: auto colours a terminal unless NO_COLOR is set")
      ("no-progress", po::bool_switch(&o.no_progress),
       "never show progress (it is shown on stderr only when stderr is a terminal, and never in CI)")
      ("config", po::value(&o.config), "configuration file (default: .cohortguard.yaml at the top of the work tree)")
      ("baseline", po::value(&o.baseline), "JSON report of an earlier scan: report only findings not in it")
      ("show-suppressed", po::bool_switch(&o.show_suppressed), "also list suppressed findings, and why")
      ("staged", po::bool_switch(&o.staged), "scan what the next commit would contain (the git index); PATH is the repository")
      ("range", po::value(&o.range)->value_name("REVSPEC"), "scan the blobs introduced by REVSPEC (A..B, 'B --not --remotes=origin')")
      ("history", po::bool_switch(&o.history), "scan every blob in the repository's object database, each once");
  return d;
}

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

}  // namespace

po::options_description ScanOptionsDescription() {
  static ScanCommandOptions unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunScanCommand(const std::vector<std::string>& args) {
  ScanCommandOptions o;
  po::options_description desc = Describe(o);
  po::options_description hidden;
  hidden.add_options()("path", po::value(&o.paths));
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  if (auto done = ParseCommandLine("scan", args, desc, hidden, pos, &vm)) return *done;
  ColorMode color;
  if (!ParseColorMode(o.color, &color)) return UsageError("scan: --color must be auto, always or never, not '" + o.color + "'");

  // The config file first, then the command line over it.
  PolicyOptions policy;
  if (auto st = LoadPolicyConfig(o.config, &policy); !st.ok()) return UsageError(st.message());
  if (!vm["fail-on"].defaulted()) policy.fail_on = o.fail_on;
  policy.rule_paths.insert(policy.rule_paths.end(), o.rules.begin(), o.rules.end());
  policy.no_default_rules = policy.no_default_rules || o.no_default_rules;
  if (!o.baseline.empty()) policy.baseline = o.baseline;
  policy.show_suppressed = policy.show_suppressed || o.show_suppressed;
  auto prepared = PreparePolicy(policy);
  if (!prepared.ok()) return UsageError(prepared.status().message());

  ReportOptions ro;
  ro.format = o.format;
  ro.explain = o.explain;
  ro.show_suppressed = policy.show_suppressed;
  const ReportFormat* format = FindReportFormat(o.format);
  if (!format) return UsageError("scan: unknown --format '" + o.format + "' (one of: " + ReportFormatNames() + ")");
  if (!ParseFailOn(policy.fail_on, &ro))
    return UsageError("scan: --fail-on must be high, medium, low or never, not '" + policy.fail_on + "'");
  if (o.threads < 0) return UsageError("scan: --threads must be 0 or more");
  ScanOptions so;
  so.threads = o.threads;
  auto size = ParseSize(o.max_file_size);
  if (!size.ok()) return UsageError("scan: --max-file-size: " + size.status().message());
  so.max_file_size = *size;
  so.analyze.explain = o.explain;
  so.record_scanned = std::string(format->name) == "junit";
  ScanProgress progress;

  auto rules = LoadRules(policy.no_default_rules, policy.rule_paths);
  if (!rules.ok()) return UsageError(rules.status().message());
  if (auto st = DisableRules(policy.disabled_rules, &*rules); !st.ok())
    return UsageError((policy.file.empty() ? "" : policy.file + ": ") + st.message());
  auto idsets = LoadIdSetOptions(o.idsets, o.idset_key);
  if (!idsets.ok()) return UsageError("scan: " + idsets.status().message());
  if (!idsets->empty()) so.analyze.idsets = &*idsets;

  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) return UsageError("scan: cannot write --output " + o.output);
  }
  std::ostream& out = o.output.empty() ? std::cout : file;

  WalkOptions wo;
  if (!o.paths.empty()) wo.paths = o.paths;
  wo.no_ignore = o.no_ignore;
  auto git_source = MakeGitSourceForScan(o.staged, o.range, o.history, o.paths);
  if (!git_source.ok()) return UsageError("scan: " + git_source.status().message());
  WorktreeSource worktree(wo);
  Source& source = *git_source ? static_cast<Source&>(**git_source) : worktree;

  auto detectors = BuildTextDetectors(*rules);
  ro.rules = RuleInfos(*rules);
  ro.color = UseColor(color, o.output.empty() ? 1 : -1);
  ro.show_suppressed = policy.show_suppressed;
  std::unique_ptr<ProgressDisplay> display;
  if (UseProgress(o.no_progress)) {
    so.progress = &progress;
    display = std::make_unique<ProgressDisplay>(progress, ProgressDelay());
  }
  // Streaming formats write each item's findings as the item finishes, after the same policy
  // (allowlist, inline markers, baseline) the final report applies. Git sources attribute blobs
  // to commits only after the walk (Source::Finish), so their findings are written at the end.
  ItemListener listener;
  if (format->stream && !source.items_are_blobs()) {
    ro.findings_streamed = true;
    listener = [&](const std::vector<Finding>& findings, const std::vector<AllowMarker>& markers) {
      ScanResult item;
      item.findings = findings;
      item.allow_markers = markers;
      ApplyPolicy(*prepared, &item);
      for (const Finding& f : item.findings) {
        if (display) display->WithClearedLine([&] { format->stream(f, ro, out); });
        else format->stream(f, ro, out);
      }
    };
  }
  ScanResult result = ScanEngine(*rules, Borrow(detectors), so).Run(source, listener);
  if (display) display->Stop();
  if (*git_source)
    for (const auto& s : (*git_source)->skipped()) result.Skip(s.origin, s.reason);
  ApplyPolicy(*prepared, &result);
  for (const auto& w : result.warnings) std::cerr << "cohortguard: warning: " << w << "\n";
  format->write(result, ro, out);
  out.flush();
  if (!format->carries_errors)
    for (const auto& e : result.errors)
      std::cerr << "cohortguard: " << (e.origin.path.empty() ? "scan" : e.origin.Display()) << ": " << e.message << "\n";

  if (result.enumeration_failed || !result.errors.empty()) return kExitIncomplete;
  if (!ro.fail_never)
    for (const auto& f : result.findings)
      if (f.severity >= ro.fail_on) return kExitFindings;
  return kExitClean;
}

}  // namespace cg
