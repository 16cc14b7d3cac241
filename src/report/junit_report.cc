// The JUnit XML report for CI systems: one test case per scanned outer file (ScanResult::scanned,
// plus any file a finding or error names). A file fails when it holds findings at or above
// --fail-on (one <failure> listing them all); lower findings go to <system-out>; scan errors
// are <error>s. Test counts therefore match the exit status.
#include <cstdio>
#include <map>
#include <sstream>

#include "report/json_writer.h"
#include "report/report.h"

namespace cg {
namespace {

// XML 1.0 text: markup escaped; bytes that are not valid UTF-8 and control characters XML
// cannot carry are written as \xNN.
std::string Xml(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      ++i;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string CaseName(const Origin& o) {
  std::string s = o.repository.empty() ? "" : o.repository + ": ";
  s += o.path.empty() ? "blob " + o.blob : o.path;
  if (!o.blob.empty() && !o.path.empty()) s += " @ " + o.blob.substr(0, 12);
  return s;
}

struct Case {
  std::vector<const Finding*> failing;
  std::vector<const Finding*> passing;  // below --fail-on
  std::vector<std::string> errors;
};

std::string Describe(const Finding& f) {
  std::ostringstream s;
  s << SeverityName(f.severity) << " " << f.rule << " [" << f.category << "]";
  if (!f.origin.member.empty()) s << " in " << f.origin.member;
  if (f.line) s << " line " << *f.line;
  s << ": " << f.message;
  if (!f.columns.empty()) {
    s << " (columns:";
    for (size_t i = 0; i < f.columns.size() && i < 8; ++i) s << (i ? ", " : " ") << f.columns[i];
    if (f.columns.size() > 8) s << ", ...";
    s << ")";
  }
  s << " fingerprint " << f.fingerprint;
  return s.str();
}

}  // namespace

void WriteJunitReport(const ScanResult& r, const ReportOptions& opt, std::ostream& out) {
  std::map<std::string, Case> cases;  // sorted by name: stable output
  for (const auto& o : r.scanned) cases[CaseName(o)];
  for (const auto& f : r.findings) {
    Case& c = cases[CaseName(f.origin)];
    (Blocks(f, opt.fail_on) ? c.failing : c.passing).push_back(&f);
  }
  for (const auto& e : r.errors) {
    std::string where = e.origin.member.empty() ? "" : e.origin.member + ": ";
    cases[e.origin.path.empty() && e.origin.blob.empty() ? "scan" : CaseName(e.origin)].errors.push_back(where + e.message);
  }
  size_t failures = 0, errors = 0;
  for (const auto& [name, c] : cases) {
    failures += !c.failing.empty();
    errors += !c.errors.empty();
  }
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3f", static_cast<double>(r.stats.elapsed_ms) / 1000.0);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"cohortguard\" tests=\"" << cases.size() << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\" time=\"" << secs << "\">\n";
  out << "  <testsuite name=\"cohortguard scan\" tests=\"" << cases.size() << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\" skipped=\"0\" time=\"" << secs << "\">\n";
  for (const auto& [name, c] : cases) {
    out << "    <testcase classname=\"cohortguard.scan\" name=\"" << Xml(name) << "\"";
    if (c.failing.empty() && c.passing.empty() && c.errors.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    if (!c.failing.empty()) {
      const Finding& first = *c.failing.front();
      std::string message = std::to_string(c.failing.size()) + (c.failing.size() == 1 ? " finding" : " findings") +
                            " at or above " + ThresholdName(opt.fail_on) + ": " + first.rule;
      out << "      <failure type=\"" << Xml(first.category) << "\" message=\"" << Xml(message) << "\">";
      for (const Finding* f : c.failing) out << Xml(Describe(*f)) << "\n";
      out << "</failure>\n";
    }
    for (const auto& e : c.errors) out << "      <error type=\"scan-error\" message=\"" << Xml(e) << "\"/>\n";
    if (!c.passing.empty()) {
      out << "      <system-out>";
      for (const Finding* f : c.passing) out << Xml(Describe(*f)) << "\n";
      out << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace cg
