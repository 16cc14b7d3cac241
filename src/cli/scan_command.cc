// cohortguard scan [PATH ...]: the main job.
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/progress_display.h"
#include "cli/session_options.h"
#include "cli/terminal.h"
#include "report/report.h"
#include "engine/scan_session.h"
#include "source/git_source.h"

namespace cg {
namespace po = boost::program_options;

namespace {

struct ScanCommandOptions {
  std::vector<std::string> paths;
  SessionFlags session;
  std::string format = "text";
  std::string output;
  bool explain = false;
  bool no_ignore = false;
  std::string color = "auto";
  bool no_progress = false;
  std::string baseline;
  bool show_suppressed = false;
  bool staged = false;
  std::string range;
  bool history = false;
};

po::options_description Describe(ScanCommandOptions& o) {
  po::options_description d("options");
  d.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&o.format)->default_value(o.format)->value_name(ReportFormatNames("|")), "report format")
      ("output,o", po::value(&o.output)->value_name("FILE"), "write the report to this file instead of stdout");
  AddPolicyFlags(d, o.session, ConfigScope::kWorkTree);
  AddEngineFlags(d, o.session);
  d.add_options()
      ("explain", po::bool_switch(&o.explain), "show per-table evidence and scores, flagged or not")
      ("no-ignore", po::bool_switch(&o.no_ignore), "do not honour .gitignore")
      ("color", po::value(&o.color)->default_value(o.color)->value_name("auto|always|never"),
       "colour the text report: auto colours a terminal unless NO_COLOR is set")
      ("no-progress", po::bool_switch(&o.no_progress),
       "never show progress (it is shown on stderr only when stderr is a terminal, and never in CI)")
      ("baseline", po::value(&o.baseline)->value_name("FILE"), "JSON report of an earlier scan: report only findings not in it")
      ("show-suppressed", po::bool_switch(&o.show_suppressed), "also list suppressed findings, and why")
      ("staged", po::bool_switch(&o.staged), "scan what the next commit would contain (the git index); PATH is the repository")
      ("range", po::value(&o.range)->value_name("REVSPEC"), "scan the blobs introduced by REVSPEC (A..B, 'B --not --remotes=origin')")
      ("history", po::bool_switch(&o.history), "scan every blob in the repository's object database, each once")
      ("allow-partial-clone", po::bool_switch(&o.session.allow_partial_clone),
       "in a partial clone, the objects git has not fetched are expected: still listed as skipped, not an error");
  return d;
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
  const ReportFormat* format = FindReportFormat(o.format);
  if (!format) return UsageError("scan: unknown --format '" + o.format + "' (one of: " + ReportFormatNames() + ")");

  // The config files first, then the command line over them.
  ScanRequest req;
  if (auto st = FillRequest(o.session, ConfigScope::kWorkTree, &req); !st.ok()) return UsageError("scan: " + st.message());
  if (!o.baseline.empty()) req.policy.baseline = o.baseline;
  req.policy.show_suppressed = req.policy.show_suppressed || o.show_suppressed;
  auto git = GitTargetForScan(o.staged, o.range, o.history, o.paths);
  if (!git.ok()) return UsageError("scan: " + git.status().message());
  if (*git) {
    req.source.kind = ScanTarget::Kind::kGit;
    req.source.git = **git;
  } else {
    if (!o.paths.empty()) req.source.files.paths = o.paths;
    req.source.files.no_ignore = o.no_ignore;
  }
  req.scan.analyze.explain = o.explain;
  req.scan.record_scanned = std::string(format->name) == "junit";

  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) return UsageError("scan: cannot write --output " + o.output);
  }
  std::ostream& out = o.output.empty() ? std::cout : file;
  ReportOptions ro;
  ro.format = o.format;
  ro.explain = o.explain;
  ro.show_suppressed = req.policy.show_suppressed;
  ro.fail_on = req.policy.fail_on;
  if (o.staged) ro.place = Place::kStaged;
  ro.color = UseColor(color, o.output.empty() ? 1 : -1);

  ScanProgress progress;
  std::unique_ptr<ProgressDisplay> display;
  if (UseProgress(o.no_progress)) {
    req.scan.progress = &progress;
    display = std::make_unique<ProgressDisplay>(progress, ProgressDelay());
  }
  // Streaming formats write each item's findings as the item finishes, after the policy.
  if (format->stream) {
    req.listener = [&](const std::vector<Finding>& findings) {
      for (const Finding& f : findings) {
        if (display) display->WithClearedLine([&] { format->stream(f, ro, out); });
        else format->stream(f, ro, out);
      }
    };
  }
  ScanOutcome outcome = RunScanSession(req);
  if (display) display->Stop();
  if (!outcome.setup.ok()) return UsageError("scan: " + outcome.setup.message());
  const ScanResult& result = outcome.result;
  ro.findings_streamed = outcome.streamed;
  ro.rules = outcome.rules;
  for (const auto& w : result.warnings) std::cerr << "cohortguard: warning: " << w << "\n";
  format->write(result, ro, out);
  out.flush();
  if (!format->carries_errors)
    for (const auto& e : result.errors)
      std::cerr << "cohortguard: " << (e.origin.path.empty() ? "scan" : e.origin.Display()) << ": " << e.message << "\n";
  return ExitCodeFor(outcome);
}

}  // namespace cg
