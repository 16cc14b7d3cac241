// SPDX-License-Identifier: Apache-2.0
// The GitLab report: GitLab's secret-detection report format (schema 15.2.1), the JSON a CI job
// names under artifacts:reports:secret_detection (gl-secret-detection-report.json) so findings
// appear in merge requests and the vulnerability report. Like every writer it carries rule ids,
// paths, counts and column names, never a cell value or a secret (no raw_source_code_extract).
#include <algorithm>
#include <chrono>
#include <ctime>

#include "report/json_writer.h"
#include "report/remediation.h"
#include "report/report.h"

namespace cg {
namespace {

constexpr const char* kSchemaVersion = "15.2.1";
// GitLab's own analyzer names this commit for content that is not in a commit (a work tree).
constexpr const char* kNoCommit = "0000000";

const char* GitlabSeverity(Severity s) {
  switch (s) {
    case Severity::kHigh: return "High";
    case Severity::kMedium: return "Medium";
    case Severity::kLow: return "Low";
    case Severity::kInfo: return "Info";
  }
  return "Unknown";
}

// yyyy-mm-ddThh:mm:ss in UTC, the schema's only accepted form.
std::string UtcTime(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

// The fingerprint's hex digits in UUID form (the id the schema recommends); GitLab tracks a
// finding across pipelines by it, so it must be as stable as the fingerprint.
std::string FindingId(const Finding& f, size_t index) {
  std::string hex;
  for (char c : f.fingerprint)
    if (std::isxdigit(static_cast<unsigned char>(c))) hex.push_back(static_cast<char>(std::tolower(c)));
  if (hex.size() < 32) return f.fingerprint.empty() ? "cohortguard-" + std::to_string(index) : f.fingerprint;
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

std::string Title(const Finding& f, const ReportOptions& options) {
  for (const auto& r : options.rules)
    if (r.id == f.rule && !r.title.empty()) return r.title;
  return f.rule;
}

void WriteAnalyzer(JsonWriter& w, const char* key) {
  w.Key(key).BeginObject();
  w.Key("id").String("cohortguard").Key("name").String("cohortguard").Key("version").String(COHORTGUARD_VERSION);
  w.Key("vendor").BeginObject().Key("name").String("cohortguard").EndObject();
  w.EndObject();
}

void WriteVulnerability(JsonWriter& w, const Finding& f, size_t index, const ReportOptions& options) {
  std::string path = f.origin.path.empty() ? "blob-" + f.origin.blob : f.origin.path;
  if (!f.origin.repository.empty()) path = f.origin.repository + "/" + path;
  std::string description = f.message;
  if (!f.origin.member.empty()) description += "; found in " + f.origin.member;
  if (!f.columns.empty()) {
    description += "; columns:";
    for (size_t i = 0; i < f.columns.size(); ++i) description += (i ? ", " : " ") + f.columns[i];
  }
  if (!f.masked.empty()) description += "; value " + f.masked;
  w.BeginObject();
  w.Key("id").String(FindingId(f, index));
  w.Key("category").String("secret_detection");
  w.Key("name").String(Title(f, options).substr(0, 255));
  w.Key("description").String(description);
  w.Key("severity").String(GitlabSeverity(f.severity));
  std::string solution;
  const Place place = options.place ? *options.place : PlaceOf(f.origin);
  for (const auto& step : NextSteps(f, place))
    solution += (solution.empty() ? "" : "\n") + ("- " + step);
  if (!solution.empty()) w.Key("solution").String(solution.substr(0, 7000));
  w.Key("identifiers").BeginArray().BeginObject();
  w.Key("type").String("cohortguard_rule_id").Key("name").String("cohortguard rule " + f.rule).Key("value").String(f.rule);
  w.EndObject().EndArray();
  w.Key("location").BeginObject();
  w.Key("file").String(path);
  w.Key("commit").BeginObject().Key("sha").String(f.origin.commit.empty() ? kNoCommit : f.origin.commit).EndObject();
  if (f.line && *f.line > 0) w.Key("start_line").Int(*f.line).Key("end_line").Int(*f.line);
  w.EndObject();
  w.EndObject();
}

void WriteMessage(JsonWriter& w, const char* level, const std::string& text) {
  w.BeginObject().Key("level").String(level).Key("value").String(text.empty() ? "(no message)" : text).EndObject();
}

}  // namespace

void WriteGitlabReport(const ScanResult& r, const ReportOptions& options, std::ostream& out) {
  const auto end = std::chrono::system_clock::now();
  const auto start = end - std::chrono::milliseconds(std::max<int64_t>(r.stats.elapsed_ms, 0));
  JsonWriter w(out);
  w.BeginObject();
  w.Key("version").String(kSchemaVersion);
  w.Key("vulnerabilities").BeginArray();
  for (size_t i = 0; i < r.findings.size(); ++i) WriteVulnerability(w, r.findings[i], i, options);
  w.EndArray();
  w.Key("scan").BeginObject();
  WriteAnalyzer(w, "analyzer");
  WriteAnalyzer(w, "scanner");
  w.Key("type").String("secret_detection");
  w.Key("start_time").String(UtcTime(start)).Key("end_time").String(UtcTime(end));
  // Nothing silent: a scan that did not read everything is a failure with its reasons.
  const bool complete = r.errors.empty() && r.skipped.empty() && !r.enumeration_failed;
  w.Key("status").String(complete ? "success" : "failure");
  w.Key("messages").BeginArray();
  if (r.enumeration_failed) WriteMessage(w, "fatal", "nothing could be listed: the scan did not run");
  for (const auto& e : r.errors) WriteMessage(w, "warn", (e.origin.path.empty() ? "" : e.origin.path + ": ") + e.message);
  for (const auto& s : r.skipped)
    WriteMessage(w, "warn", (s.origin.path.empty() ? "" : s.origin.path + ": ") + "not analysed in full: " + s.reason);
  for (const auto& warning : r.warnings) WriteMessage(w, "info", warning);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  out << '\n';
}

}  // namespace cg
