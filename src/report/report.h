// Report writers, one per format, registered in a table (report/report_formats.cc).
//
// Writers print column names, counts, paths, ids and masked values only: never a cell value or
// a secret (Finding carries none). Thread-compatible: one writer per output.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "core/status.h"

namespace cg {

struct ReportOptions {
  std::string format = "text";
  bool explain = false;           // include per-table evidence, flagged or not
  bool color = false;             // ANSI colours (text only)
  Severity fail_on = Severity::kMedium;
  bool fail_never = false;        // --fail-on never
  bool show_suppressed = false;   // also list suppressed findings, with why
};

using ReportWriterFn = void (*)(const ScanResult& result, const ReportOptions& options, std::ostream& out);

struct ReportFormat {
  const char* name;
  const char* summary;
  ReportWriterFn write;
};

const std::vector<ReportFormat>& ReportFormats();
const ReportFormat* FindReportFormat(const std::string& name);
// "text, json, ..." for help and error messages.
std::string ReportFormatNames();

void WriteTextReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonReport(const ScanResult& result, const ReportOptions& options, std::ostream& out);

}  // namespace cg
