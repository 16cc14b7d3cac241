// cohortguard scan [PATH ...]: the main job.
#include <fstream>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/progress_display.h"
#include "cli/size_option.h"
#include "cli/terminal.h"
#include "core/scan_engine.h"
#include "detect/text_detectors.h"
#include "policy/fingerprint.h"
#include "report/report.h"
#include "rules/rule_loader.h"
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
};

std::string FormatChoices() {
  std::string s;
  for (const auto& f : ReportFormats()) s += (s.empty() ? "" : "|") + std::string(f.name);
  return s;
}

po::options_description Describe(ScanCommandOptions& o) {
  po::options_description d("options");
  d.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&o.format)->default_value(o.format)->value_name(FormatChoices()), "report format")
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
      ("color", po::value(&o.color)->default_value(o.color)->value_name("auto|always|never"),
       "colour the text report: auto colours a terminal unless NO_COLOR is set")
      ("no-progress", po::bool_switch(&o.no_progress),
       "never show progress (it is shown on stderr only when stderr is a terminal, and never in CI)");
  return d;
}

// Rule titles for report formats that describe rules (SARIF).
std::vector<RuleInfo> RuleInfos(const RuleSet& rules) {
  std::vector<RuleInfo> out;
  for (const auto& t : rules.tables) out.push_back({t.id, t.title, t.category, t.max_severity});
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
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("scan: ") + e.what() + " (see 'cohortguard scan --help')");
  }
  if (vm.count("help")) {
    PrintCommandHelp(*FindCommand("scan"), std::cout);
    return kExitClean;
  }
  ColorMode color;
  if (!ParseColorMode(o.color, &color)) return UsageError("scan: --color must be auto, always or never, not '" + o.color + "'");

  ReportOptions ro;
  ro.format = o.format;
  ro.explain = o.explain;
  const ReportFormat* format = FindReportFormat(o.format);
  if (!format) return UsageError("scan: unknown --format '" + o.format + "' (one of: " + ReportFormatNames() + ")");
  if (o.fail_on == "never") ro.fail_never = true;
  else if (!ParseSeverity(o.fail_on, &ro.fail_on) || ro.fail_on == Severity::kInfo)
    return UsageError("scan: --fail-on must be high, medium, low or never, not '" + o.fail_on + "'");
  if (o.threads < 0) return UsageError("scan: --threads must be 0 or more");
  ScanOptions so;
  so.threads = o.threads;
  auto size = ParseSize(o.max_file_size);
  if (!size.ok()) return UsageError("scan: --max-file-size: " + size.status().message());
  so.max_file_size = *size;
  so.analyze.explain = o.explain;
  so.record_scanned = std::string(format->name) == "junit";
  ScanProgress progress;

  auto rules = LoadRules(o.no_default_rules, o.rules);
  if (!rules.ok()) return UsageError(rules.status().message());

  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) return UsageError("scan: cannot write --output " + o.output);
  }
  std::ostream& out = o.output.empty() ? std::cout : file;

  WalkOptions wo;
  if (!o.paths.empty()) wo.paths = o.paths;
  wo.no_ignore = o.no_ignore;
  WorktreeSource source(wo);

  auto detectors = BuildTextDetectors(*rules);
  ro.rules = RuleInfos(*rules);
  ro.color = UseColor(color, o.output.empty() ? 1 : -1);
  std::unique_ptr<ProgressDisplay> display;
  if (UseProgress(o.no_progress)) {
    so.progress = &progress;
    display = std::make_unique<ProgressDisplay>(progress, ProgressDelay());
  }
  // Streaming formats write each finding as its item finishes. Git sources attribute blobs to
  // commits only after the walk (Source::Finish), so their findings are written at the end.
  FindingListener listener;
  if (format->stream && !source.items_are_blobs()) {
    ro.findings_streamed = true;
    listener = [&](const Finding& f) {
      std::vector<Finding> one{f};
      AssignFingerprints(&one);
      if (display) display->WithClearedLine([&] { format->stream(one[0], ro, out); });
      else format->stream(one[0], ro, out);
    };
  }
  ScanResult result = ScanEngine(*rules, Borrow(detectors), so).Run(source, listener);
  if (display) display->Stop();
  AssignFingerprints(&result.findings);
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
