// The jsonl report: one finding object a line (the json report's finding fields), nothing else,
// so that `jq -c`, `grep` and log shippers can consume it. Scan errors go to stderr (the CLI).
#include "report/json_finding.h"
#include "report/report.h"

namespace cg {

void WriteJsonlFinding(const Finding& f, const ReportOptions& options, std::ostream& out) {
  JsonWriter w(out, /*pretty=*/false);
  WriteFindingObject(w, f, options.explain);
  out << '\n';
  out.flush();  // a consumer reading the pipe sees each finding as it is found
}

void WriteJsonlReport(const ScanResult& r, const ReportOptions& options, std::ostream& out) {
  if (options.findings_streamed) return;
  for (const auto& f : r.findings) WriteJsonlFinding(f, options, out);
}

}  // namespace cg
