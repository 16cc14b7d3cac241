// Report writers, one per format, registered in a table (report/report_formats.cc).
//
// Writers print column names, counts, paths, ids and masked values only: never a cell value or
// a secret (Finding carries none). Thread-compatible: one writer per output.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "core/status.h"
#include "policy/threshold.h"
#include "report/remediation.h"

namespace cg {

// What a report may say about a rule beyond its id (SARIF rule descriptors). Filled by the CLI
// from the loaded RuleSet; rules not listed are described from their category.
struct RuleInfo {
  std::string id;
  std::string title;
  std::string category;
  Severity max_severity = Severity::kHigh;
};

struct ReportOptions {
  std::string format = "text";
  bool explain = false;           // include per-table evidence, flagged or not
  bool color = false;             // ANSI colours (text only)
  Threshold fail_on = Severity::kMedium;  // what the report calls failing (text summary, junit)
  bool findings_streamed = false; // the format's stream function already wrote every finding
  std::vector<RuleInfo> rules;
  bool show_suppressed = false;   // also list suppressed findings, with why
  // Where the scanned content is, when the entry point knows (the index, the commits of a
  // push): the text report's `next:` steps fit it. Unset: report/remediation PlaceOf.
  std::optional<Place> place;
};

using ReportWriterFn = void (*)(const ScanResult& result, const ReportOptions& options, std::ostream& out);
// Writes one finding as soon as it is found (streaming formats only). Serialised by the caller.
using FindingStreamFn = void (*)(const Finding& finding, const ReportOptions& options, std::ostream& out);

struct ReportFormat {
  const char* name;
  const char* summary;
  ReportWriterFn write;
  FindingStreamFn stream = nullptr;  // set: findings may be written as they appear
  bool carries_errors = true;        // false: the CLI prints scan errors to stderr instead
};

const std::vector<ReportFormat>& ReportFormats();
const ReportFormat* FindReportFormat(const std::string& name);
// "text, json, ..." for help and error messages; ReportFormatNames("|") for a value name.
std::string ReportFormatNames(const char* separator = ", ");

void WriteTextReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonlReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonlFinding(const Finding& finding, const ReportOptions& options, std::ostream& out);
void WriteSarifReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteJunitReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteGitlabReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);

}  // namespace cg
