// cohortguard report merge REPORT...: one report from the shard reports of a sweep.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/durable_output.h"
#include "report/custodian_report.h"
#include "report/report.h"
#include "sweep/finding_codec.h"

namespace cg {
namespace po = boost::program_options;
using json = nlohmann::json;

namespace {

std::string Text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

uint64_t Count(const json& stats, const char* key) {
  auto it = stats.find(key);
  return it != stats.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
}

// Adds one report (a cohortguard.report/v1 document, or jsonl: one finding a line) to `into`.
Status AddReport(const std::string& path, ScanResult* into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read report " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("schema")) {
      if (doc["schema"] != "cohortguard.report/v1")
        return Status::InvalidArgument(path + ": unsupported schema " + doc["schema"].dump());
      for (const json& f : doc.value("findings", json::array())) {
        auto finding = FindingFromJson(f.dump());
        if (!finding.ok()) return Status::InvalidArgument(path + ": " + finding.status().message());
        into->findings.push_back(std::move(*finding));
      }
      for (const json& e : doc.value("errors", json::array())) {
        ScanError se;
        se.origin.path = Text(e, "path");
        se.origin.member = Text(e, "member");
        se.origin.repository = Text(e, "repository");
        se.origin.blob = Text(e, "blob");
        se.message = Text(e, "message");
        into->errors.push_back(std::move(se));
      }
      for (const json& s : doc.value("skipped", json::array())) {
        Skipped sk;
        sk.origin.path = Text(s, "path");
        sk.origin.member = Text(s, "member");
        sk.origin.blob = Text(s, "blob");
        sk.reason = Text(s, "reason");
        into->skipped.push_back(std::move(sk));
      }
      const json stats = doc.value("stats", json::object());
      into->stats.files += Count(stats, "files");
      into->stats.blobs += Count(stats, "blobs");
      into->stats.bytes += Count(stats, "bytes");
      into->stats.skipped += Count(stats, "skipped");
      into->stats.suppressed += Count(stats, "suppressed");
      // Shards run side by side: the merged run took as long as the slowest.
      into->stats.elapsed_ms = std::max<int64_t>(into->stats.elapsed_ms, stats.value("elapsed_ms", int64_t{0}));
      return Status::Ok();
    }
    size_t line_no = 0, start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      start = end + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto finding = FindingFromJson(line);
      if (!finding.ok())
        return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                       ": neither a cohortguard JSON report nor a jsonl finding (" +
                                       finding.status().message() + ")");
      into->findings.push_back(std::move(*finding));
    }
    return Status::Ok();
  } catch (const json::exception& e) {
    return Status::InvalidArgument(path + ": " + e.what());
  }
}

struct MergeOptions {
  std::string format = "json", output, custodian_csv, custodian_html;
};

po::options_description Describe(MergeOptions& o) {
  po::options_description d("cohortguard report merge REPORT... [options]\n\n"
                            "Combines the JSON (or jsonl) reports of sweep shards into one report, sorted as a\n"
                            "single sweep would sort it; stats are summed (elapsed_ms: the slowest shard)");
  d.add_options()("help,h", "show this help")
      ("format,f", po::value(&o.format)->default_value(o.format)->value_name(ReportFormatNames("|")), "report format")
      ("output,o", po::value(&o.output)->value_name("FILE"),
       "write the report to this file instead of stdout (replaced atomically once complete)")
      ("custodian-csv", po::value(&o.custodian_csv)->value_name("FILE"),
       "also write the custodian summary as CSV: one row per finding with repository, rule, file, commit, "
       "author and committer, dates, permalink and whether it is still in HEAD; no cell value or secret")
      ("custodian-html", po::value(&o.custodian_html)->value_name("FILE"),
       "also write the custodian summary as one self-contained HTML page, per repository and researcher");
  return d;
}

int Merge(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  MergeOptions o;
  po::options_description d = Describe(o);
  auto& [format, output, custodian_csv, custodian_html] = o;
  po::options_description hidden;
  hidden.add_options()("input", po::value(&inputs));
  po::options_description all;
  all.add(d).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("report merge: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << d << "\n";
    return kExitClean;
  }
  if (inputs.empty()) return UsageError("report merge: give the reports to merge");
  const ReportFormat* fmt = FindReportFormat(format);
  if (!fmt) return UsageError("report merge: unknown --format '" + format + "' (one of: " + ReportFormatNames() + ")");
  ScanResult merged;
  for (const auto& in : inputs) {
    Status st = AddReport(in, &merged);
    if (!st.ok()) return UsageError("report merge: " + st.message());
  }
  merged.Sort();
  ReportOptions ro;
  ro.format = format;
  std::ostringstream report, csv, html;
  fmt->write(merged, ro, report);
  if (!custodian_csv.empty()) WriteCustodianCsv(merged.findings, csv);
  if (!custodian_html.empty()) WriteCustodianHtml(merged.findings, html);
  // Each file holds the old text or the new, never half (a scheduled merge may be killed too).
  const std::pair<const std::string*, std::ostringstream*> outputs[] = {
      {&custodian_csv, &csv}, {&custodian_html, &html}, {&output, &report}};
  for (const auto& [path, text] : outputs) {
    if (path->empty() && path != &output) continue;
    Status st = WriteDurably(*path, text->str());
    if (!st.ok()) return UsageError("report merge: " + st.message());
  }
  return kExitClean;
}

}  // namespace

po::options_description ReportOptionsDescription() {
  static MergeOptions unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunReportCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "cohortguard report merge REPORT... [--format F] [-o OUT]\n";
    return args.empty() ? kExitUsage : kExitClean;
  }
  if (args[0] == "merge") return Merge(std::vector<std::string>(args.begin() + 1, args.end()));
  return UsageError("report: unknown subcommand '" + args[0] + "' (merge)");
}

}  // namespace cg
