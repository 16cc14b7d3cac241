// A ScanResult built in memory with fixed values covering every field reports print: table and
// text findings, archive members, git history origins, a path that needs escaping everywhere
// (space, markup, quote, non-ASCII and a byte that is not UTF-8), errors, skipped items.
#pragma once

#include "core/scan_result.h"
#include "report/report.h"

namespace cg::testing {

ScanResult SampleScanResult();
ReportOptions SampleReportOptions(const std::string& format);

}  // namespace cg::testing
