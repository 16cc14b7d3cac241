#include "report/report.h"

namespace cg {

const std::vector<ReportFormat>& ReportFormats() {
  static const std::vector<ReportFormat> formats = {
      {"text", "readable, grouped by file, severity first", WriteTextReport},
      {"json", "cohortguard.report/v1 document (INTERFACE.md)", WriteJsonReport},
  };
  return formats;
}

const ReportFormat* FindReportFormat(const std::string& name) {
  for (const auto& f : ReportFormats())
    if (name == f.name) return &f;
  return nullptr;
}

std::string ReportFormatNames() {
  std::string out;
  for (const auto& f : ReportFormats()) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

}  // namespace cg
