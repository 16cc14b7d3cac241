// cohortguard sweep MIRRORS_DIR: incremental whole-history scans of every mirror below a folder.
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/durable_output.h"
#include "cli/progress_display.h"
#include "cli/terminal.h"
#include "cli/session_options.h"
#include "engine/scan_session.h"
#include "report/report.h"
#include "source/mirror_sweep.h"
#include "sweep/fork_network.h"
#include "sweep/shard.h"

namespace cg {
namespace po = boost::program_options;

namespace {

struct SweepCommandOptions {
  std::string root;
  std::string state;
  std::string shard;
  SessionFlags session;
  std::string format = "text";
  std::string output;
  std::string report = "new";
  size_t batch = 512;
  bool list = false;
  double budget_s = 0;
  bool no_progress = false;
};

po::options_description Describe(SweepCommandOptions& o) {
  po::options_description d(
      "cohortguard sweep MIRRORS_DIR [options]\n\n"
      "Scans every object of every git repository below MIRRORS_DIR (bare mirrors or work trees),\n"
      "skipping blobs an earlier sweep (or another repository) already scanned, and reports the\n"
      "findings not reported before. The policy is the user's defaults and --config FILE, never a\n"
      "file inside a mirror; its inline cohortguard:allow markers count only with inline_allow: true");
  d.add_options()
      ("help,h", "show this help")
      ("state", po::value(&o.state)->value_name("FILE"), "state database (default: MIRRORS_DIR/.cohortguard/sweep.sqlite)")
      ("shard", po::value(&o.shard)->value_name("K/N"),
       "K/N: sweep only the repositories whose path hashes to K of N (0-based); auto: from "
       "JOB_COMPLETION_INDEX + COHORTGUARD_SHARD_COUNT (Kubernetes) or SLURM_ARRAY_TASK_ID + "
       "SLURM_ARRAY_TASK_COUNT (Slurm)")
      ("report", po::value(&o.report)->default_value(o.report)->value_name("new|all"), "new: findings first seen in this run; all: every current finding")
      ("format,f", po::value(&o.format)->default_value(o.format)->value_name(ReportFormatNames("|")),
       "report format (jsonl streams, one repository at a time)")
      ("output,o", po::value(&o.output)->value_name("FILE"),
       "write the report to this file instead of stdout: replaced atomically once complete (jsonl: "
       "appended to, one repository at a time); findings count as delivered only once it is on disk");
  AddPolicyFlags(d, o.session, ConfigScope::kOperator);
  AddEngineFlags(d, o.session);
  d.add_options()
      ("list-repositories", po::bool_switch(&o.list),
       "print this shard's repositories (relative to MIRRORS_DIR), one a line, and stop: feed them to "
       "'git remote update --prune' before the sweep")
      ("batch", po::value(&o.batch)->default_value(o.batch)->value_name("N"), "blobs per committed state transaction")
      ("budget", po::value(&o.budget_s)->value_name("SECONDS"),
       "time budget of each repository (checked before each batch): a repository not read by then is "
       "reported as incomplete (exit 3), what was read is kept, and the next sweep reads the rest")
      ("no-progress", po::bool_switch(&o.no_progress), "no progress line on a terminal");
  return d;
}

void PrintSummary(const SweepSummary& s, const ShardSpec& shard) {
  const double saved = s.blobs_listed ? 100.0 * static_cast<double>(s.blobs_known) / static_cast<double>(s.blobs_listed) : 0;
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.1f", saved);
  std::cerr << "cohortguard: swept " << s.repositories << " repositories";
  if (shard.count > 1) std::cerr << " (shard " << shard.Display() << "; " << s.other_shards << " left to other shards)";
  std::cerr << ": " << s.blobs_listed << " blobs listed, " << s.blobs_known << " already scanned (" << pct
            << "% saved), " << s.blobs_scanned << " scanned; " << s.findings_new << " new findings, " << s.findings_changed << " changed, "
            << s.findings_gone << " gone\n";
  if (s.over_budget)
    std::cerr << "cohortguard: " << s.over_budget
              << " repositories ran out of their time budget (--budget) and are incomplete; the next sweep reads the rest\n";
  if (s.findings_redelivered)
    std::cerr << "cohortguard: " << s.findings_redelivered
              << " findings recorded by an interrupted earlier sweep and never delivered are in this report\n";
  for (const auto& r : s.removed) std::cerr << "cohortguard: repository " << r << " is gone since the last sweep\n";
}

}  // namespace

po::options_description SweepOptionsDescription() {
  static SweepCommandOptions unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunSweepCommand(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "mirror") return RunSweepMirrorCommand(std::vector<std::string>(args.begin() + 1, args.end()));
  SweepCommandOptions o;
  po::options_description desc = Describe(o);
  po::variables_map vm;
  if (auto done = ParseFolderCommand("sweep", args, desc, "the folder of mirrors", &o.root, &vm)) return *done;
  if (o.budget_s < 0) return UsageError("sweep: --budget must not be negative");
  if (o.report != "new" && o.report != "all") return UsageError("sweep: --report must be new or all");
  if (o.batch == 0) return UsageError("sweep: --batch must be at least 1");
  const ReportFormat* format = FindReportFormat(o.format);
  if (!format) return UsageError("sweep: unknown --format '" + o.format + "' (one of: " + ReportFormatNames() + ")");
  auto shard = ParseShard(o.shard, [](const char* n) -> const char* { return std::getenv(n); });
  if (!shard.ok()) return UsageError("sweep: " + shard.status().message());
  if (o.list) {
    std::vector<ScanError> errors;
    auto repos = FindRepositories(o.root, FindOptions{}, &errors);
    if (!repos.ok()) return UsageError(repos.status().message());
    for (const auto& r : *repos)
      if (shard->Contains(ForkNetwork(r.path, r.relative))) std::cout << r.relative << "\n";
    for (const auto& e : errors) std::cerr << "cohortguard: " << e.origin.path << ": " << e.message << "\n";
    return errors.empty() ? kExitClean : kExitIncomplete;
  }

  // The mirrors are other people's repositories: the policy is the operator's (ConfigScope).
  ScanRequest req;
  if (auto st = FillRequest(o.session, ConfigScope::kOperator, &req); !st.ok()) return UsageError("sweep: " + st.message());
  req.source.kind = ScanTarget::Kind::kMirrors;
  req.source.mirrors.root = o.root;
  req.source.mirrors.state_path = o.state;
  req.source.mirrors.shard = *shard;
  req.source.mirrors.batch = o.batch;
  req.source.mirrors.report_all = o.report == "all";
  req.source.mirrors.now = static_cast<int64_t>(std::time(nullptr));
  req.source.mirrors.budget_s = o.budget_s;

  if (!o.output.empty()) {
    const std::filesystem::path parent = std::filesystem::path(o.output).parent_path();
    if (access(parent.empty() ? "." : parent.c_str(), W_OK) != 0)
      return UsageError("sweep: cannot write --output " + o.output + ": its folder is missing or not writable");
  }
  ReportOptions ro;
  ro.format = o.format;
  ro.fail_on = req.policy.fail_on;
  ro.show_suppressed = req.policy.show_suppressed;
  // Streaming formats write each repository's findings once it is attributed, durably, and the
  // state marks them delivered then; other formats, once the whole report is on disk.
  SweepProgress progress;
  std::unique_ptr<ProgressDisplay> display;
  if (UseProgress(o.no_progress)) {
    req.source.mirrors.progress = &progress;
    display = std::make_unique<ProgressDisplay>(progress, ProgressDelay());
  }
  std::optional<DurableAppender> stream;
  if (format->stream) {
    auto appender = DurableAppender::Open(o.output);
    if (!appender.ok()) return UsageError("sweep: " + appender.status().message());
    stream.emplace(std::move(*appender));
    req.source.mirrors.deliver = [&](const std::vector<Finding>& findings) {
      std::ostringstream chunk;
      for (const Finding& f : findings) format->stream(f, ro, chunk);
      Status st = Status::Ok();
      if (display && o.output.empty()) display->WithClearedLine([&] { st = stream->Append(chunk.str()); });
      else st = stream->Append(chunk.str());
      return st;
    };
  }
  ScanOutcome outcome = RunScanSession(req);
  if (display) display->Stop();
  if (!outcome.setup.ok()) return UsageError("sweep: " + outcome.setup.message());
  if (outcome.sweep_reset) std::cerr << "cohortguard: rules or settings changed since the last sweep: every blob is scanned again\n";
  const ScanResult& result = outcome.result;
  ro.findings_streamed = outcome.streamed;
  ro.rules = outcome.rules;
  for (const auto& w : result.warnings) std::cerr << "cohortguard: warning: " << w << "\n";
  std::ostringstream text;
  format->write(result, ro, text);
  Status delivered = Status::Ok();
  if (stream) {
    if (!text.str().empty()) delivered = stream->Append(text.str());
  } else {
    delivered = WriteDurably(o.output, text.str());
    if (delivered.ok() && outcome.mark_delivered) delivered = outcome.mark_delivered();
  }
  if (!format->carries_errors)
    for (const auto& e : result.errors)
      std::cerr << "cohortguard: " << (e.origin.repository.empty() ? "" : e.origin.repository + ": ")
                << e.origin.Display() << ": " << e.message << "\n";
  PrintSummary(outcome.sweep, *shard);
  if (!delivered.ok()) {
    std::cerr << "cohortguard: sweep: " << delivered.message()
              << ": the report's findings stay undelivered and the next sweep reports them again\n";
    return kExitIncomplete;
  }
  return ExitCodeFor(outcome);
}

}  // namespace cg
