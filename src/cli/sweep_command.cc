// cohortguard sweep MIRRORS_DIR: incremental whole-history scans of every mirror below a folder.
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/size_option.h"
#include "core/scan_engine.h"
#include "detect/id_set.h"
#include "detect/text_detectors.h"
#include "policy/fingerprint.h"
#include "report/report.h"
#include "rules/rule_loader.h"
#include "sweep/sweep_runner.h"

namespace cg {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

struct SweepCommandOptions {
  std::string root;
  std::string state;
  std::string shard;
  std::string format = "text";
  std::string output;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::string fail_on = "medium";
  int threads = 0;
  std::string max_file_size = "256M";
  std::vector<std::string> idsets;
  std::string idset_key;
  std::string report = "new";
  size_t batch = 512;
  bool list = false;
};

po::options_description Describe(SweepCommandOptions& o) {
  po::options_description d(
      "cohortguard sweep MIRRORS_DIR [options]\n\n"
      "Scans every object of every git repository below MIRRORS_DIR (bare mirrors or work trees),\n"
      "skipping blobs an earlier sweep (or another repository) already scanned, and reports the\n"
      "findings not reported before");
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
      ("output,o", po::value(&o.output)->value_name("FILE"), "write the report to this file instead of stdout")
      ("rules", po::value(&o.rules)->composing()->value_name("PATH"), "extra rule file or folder (repeatable)")
      ("no-default-rules", po::bool_switch(&o.no_default_rules), "do not load the built-in rule packs")
      ("fail-on", po::value(&o.fail_on)->default_value(o.fail_on)->value_name("high|medium|low|never"), "exit 1 when a reported finding is at or above this")
      ("threads,j", po::value(&o.threads)->default_value(0)->value_name("N"), "worker threads (0: all cores)")
      ("max-file-size", po::value(&o.max_file_size)->default_value(o.max_file_size)->value_name("SIZE"),
       "analyse larger blobs from their head only (bytes; K, M, G suffixes)")
      ("idset", po::value(&o.idsets)->composing()->value_name("SET.cgid"), "id set (.cgid) to match id columns against (repeatable)")
      ("idset-key", po::value(&o.idset_key)->value_name("FILE"), "key file the --idset sets were built with")
      ("list-repositories", po::bool_switch(&o.list),
       "print this shard's repositories (relative to MIRRORS_DIR), one a line, and stop: feed them to "
       "'git remote update --prune' before the sweep")
      ("batch", po::value(&o.batch)->default_value(o.batch)->value_name("N"), "blobs per committed state transaction");
  return d;
}

// Everything that changes what a blob's scan finds: a change makes the state forget which blobs
// it scanned, so the new configuration sees every blob once.
Expected<std::string> ConfigurationDigest(const SweepCommandOptions& o, uint64_t max_file_size,
                                          const IdSetCollection& idsets) {
  std::string d = std::string("cohortguard ") + COHORTGUARD_VERSION + '\0' + std::to_string(max_file_size) + '\0' +
                  idsets.Digest() + '\0';
  std::vector<RuleSource> sources;
  if (!o.no_default_rules) sources = DefaultRuleSources();
  for (const auto& p : o.rules) {
    auto more = ReadRuleSources(p);
    if (!more.ok()) return more.status();
    sources.insert(sources.end(), more->begin(), more->end());
  }
  for (const auto& s : sources) d += s.text + '\0';
  return Sha256Hex(d, 32);
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
  for (const auto& r : s.removed) std::cerr << "cohortguard: repository " << r << " is gone since the last sweep\n";
}

}  // namespace

po::options_description SweepOptionsDescription() {
  static SweepCommandOptions unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunSweepCommand(const std::vector<std::string>& args) {
  SweepCommandOptions o;
  po::options_description desc = Describe(o);
  po::options_description hidden;
  hidden.add_options()("root", po::value(&o.root));
  po::positional_options_description pos;
  pos.add("root", 1);
  po::variables_map vm;
  if (auto done = ParseCommandLine("sweep", args, desc, hidden, pos, &vm)) return *done;
  if (o.root.empty()) return UsageError("sweep: give the folder of mirrors (see 'cohortguard sweep --help')");
  if (o.report != "new" && o.report != "all") return UsageError("sweep: --report must be new or all");
  if (o.batch == 0) return UsageError("sweep: --batch must be at least 1");
  if (o.threads < 0) return UsageError("sweep: --threads must be 0 or more");
  const ReportFormat* format = FindReportFormat(o.format);
  if (!format) return UsageError("sweep: unknown --format '" + o.format + "' (one of: " + ReportFormatNames() + ")");
  ReportOptions ro;
  ro.format = o.format;
  if (!ParseFailOn(o.fail_on, &ro))
    return UsageError("sweep: --fail-on must be high, medium, low or never, not '" + o.fail_on + "'");
  auto shard = ParseShard(o.shard, [](const char* n) -> const char* { return std::getenv(n); });
  if (!shard.ok()) return UsageError("sweep: " + shard.status().message());
  if (o.list) {
    std::vector<ScanError> errors;
    auto repos = FindRepositories(o.root, FindOptions{}, &errors);
    if (!repos.ok()) return UsageError(repos.status().message());
    for (const auto& r : *repos)
      if (shard->Contains(r.relative)) std::cout << r.relative << "\n";
    for (const auto& e : errors) std::cerr << "cohortguard: " << e.origin.path << ": " << e.message << "\n";
    return errors.empty() ? kExitClean : kExitIncomplete;
  }
  auto size = ParseSize(o.max_file_size);
  if (!size.ok()) return UsageError("sweep: --max-file-size: " + size.status().message());
  auto rules = LoadRules(o.no_default_rules, o.rules);
  if (!rules.ok()) return UsageError(rules.status().message());
  auto idsets = LoadIdSetOptions(o.idsets, o.idset_key);
  if (!idsets.ok()) return UsageError("sweep: " + idsets.status().message());
  auto digest = ConfigurationDigest(o, *size, *idsets);
  if (!digest.ok()) return UsageError(digest.status().message());

  std::error_code ec;
  if (!fs::is_directory(o.root, ec)) return UsageError("sweep: " + o.root + " is not a folder");
  if (o.state.empty()) {
    fs::path dir = fs::path(o.root) / ".cohortguard";
    fs::create_directories(dir, ec);
    if (ec) return UsageError("sweep: cannot create " + dir.string() + ": " + ec.message() + " (give --state)");
    o.state = (dir / "sweep.sqlite").string();
  }
  auto state = SweepState::Open(o.state);
  if (!state.ok()) return UsageError("sweep: " + state.status().message());
  auto reset = (*state)->UseConfiguration(*digest);
  if (!reset.ok()) {
    std::cerr << "cohortguard: sweep: " << reset.status().message() << "\n";
    return kExitIncomplete;
  }
  if (*reset) std::cerr << "cohortguard: rules or settings changed since the last sweep: every blob is scanned again\n";

  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) return UsageError("sweep: cannot write --output " + o.output);
  }
  std::ostream& out = o.output.empty() ? std::cout : file;

  ScanOptions so;
  so.threads = o.threads;
  so.max_file_size = *size;
  if (!idsets->empty()) so.analyze.idsets = &*idsets;
  auto detectors = BuildTextDetectors(*rules);
  ScanEngine engine(*rules, Borrow(detectors), so);
  SweepOptions sw;
  sw.batch = o.batch;
  sw.report_all = o.report == "all";
  sw.shard = *shard;
  sw.now = static_cast<int64_t>(std::time(nullptr));
  SweepRunner runner(engine, **state, sw);

  // Streaming formats write each repository's findings once it is attributed.
  SweepListener listener;
  if (format->stream) {
    ro.findings_streamed = true;
    listener = [&](const std::vector<Finding>& findings) {
      for (const Finding& f : findings) format->stream(f, ro, out);
      out.flush();
    };
  }
  ScanResult result;
  SweepSummary summary;
  Status st = runner.Run(o.root, listener, &result, &summary);
  if (!st.ok()) result.errors.push_back({Origin{}, st.message()});
  format->write(result, ro, out);
  out.flush();
  if (!format->carries_errors)
    for (const auto& e : result.errors)
      std::cerr << "cohortguard: " << (e.origin.repository.empty() ? "" : e.origin.repository + ": ")
                << e.origin.Display() << ": " << e.message << "\n";
  PrintSummary(summary, *shard);

  if (!st.ok() || !result.errors.empty()) return kExitIncomplete;
  if (!ro.fail_never)
    for (const auto& f : result.findings)
      if (f.severity >= ro.fail_on) return kExitFindings;
  return kExitClean;
}

}  // namespace cg
