// Every report format, written from one in-memory ScanResult, against tests/golden/report/.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "report/report.h"
#include "support/golden.h"
#include "support/report_fixture.h"

namespace cg {
namespace {

std::string Extension(const std::string& format) {
  if (format == "text") return "txt";
  if (format == "junit") return "xml";
  if (format == "gitlab") return "gitlab.json";
  return format;
}

std::string Write(const ReportFormat& f, const ReportOptions& o) {
  std::ostringstream out;
  f.write(testing::SampleScanResult(), o, out);
  return testing::ZeroTimestampAfter(testing::ZeroTimestampAfter(out.str(), "\"start_time\": \""), "\"end_time\": \"");
}

TEST(ReportGolden, EveryRegisteredFormatMatchesItsGoldenFile) {
  for (const auto& f : ReportFormats()) {
    SCOPED_TRACE(f.name);
    std::string diff = testing::CompareWithGolden("report/sample." + Extension(f.name), Write(f, testing::SampleReportOptions(f.name)));
    EXPECT_EQ(diff, "");
  }
}

TEST(ReportGolden, TextWithColourAndExplainMatchesGolden) {
  ReportOptions o = testing::SampleReportOptions("text");
  o.color = true;
  EXPECT_EQ(testing::CompareWithGolden("report/sample-color.txt", Write(*FindReportFormat("text"), o)), "");
}

TEST(ReportGolden, TextWithoutColourHasNoEscapeCodes) {
  std::string text = Write(*FindReportFormat("text"), testing::SampleReportOptions("text"));
  EXPECT_EQ(text.find('\033'), std::string::npos);
  ReportOptions o = testing::SampleReportOptions("text");
  o.color = true;
  EXPECT_NE(Write(*FindReportFormat("text"), o).find("\033[1;31mHIGH"), std::string::npos);
}

TEST(ReportGolden, FailOnNeverMakesJunitReportNoFailures) {
  ReportOptions o = testing::SampleReportOptions("junit");
  o.fail_on = std::nullopt;
  std::string xml = Write(*FindReportFormat("junit"), o);
  EXPECT_NE(xml.find("failures=\"0\""), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<failure"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<system-out>"), std::string::npos) << "findings below the threshold are still listed";
}

TEST(ReportGolden, StreamedJsonlWritesNothingAtTheEnd) {
  ReportOptions o = testing::SampleReportOptions("jsonl");
  o.findings_streamed = true;
  EXPECT_EQ(Write(*FindReportFormat("jsonl"), o), "");
  std::ostringstream one;
  WriteJsonlFinding(testing::SampleScanResult().findings[0], o, one);
  const std::string line = one.str();
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
}

}  // namespace
}  // namespace cg
