#include "report/report.h"

namespace cg {

const std::vector<ReportFormat>& ReportFormats() {
  static const std::vector<ReportFormat> formats = {
      {"text", "readable, grouped by file, severity first", WriteTextReport},
      {"json", "cohortguard.report/v1 document (INTERFACE.md)", WriteJsonReport},
      {"jsonl", "one finding object a line, written as findings appear", WriteJsonlReport, WriteJsonlFinding,
       /*carries_errors=*/false},
      {"sarif", "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers", WriteSarifReport},
      {"junit", "JUnit XML: one test case per scanned file, a failure per finding", WriteJunitReport},
      {"gitlab", "GitLab secret-detection report (gl-secret-detection-report.json) for merge requests", WriteGitlabReport},
  };
  return formats;
}

const ReportFormat* FindReportFormat(const std::string& name) {
  for (const auto& f : ReportFormats())
    if (name == f.name) return &f;
  return nullptr;
}

std::string ReportFormatNames(const char* separator) {
  std::string out;
  for (const auto& f : ReportFormats()) out += (out.empty() ? "" : separator) + std::string(f.name);
  return out;
}

}  // namespace cg
