// The text report: grouped by file, most severe first, then errors, skipped items and a
// one-line summary. Meant for people; scripts use json.
#include <algorithm>
#include <map>
#include <sstream>

#include "report/report.h"

namespace cg {
namespace {

const char* Colour(Severity s) {
  switch (s) {
    case Severity::kHigh: return "\033[1;31m";
    case Severity::kMedium: return "\033[33m";
    case Severity::kLow: return "\033[36m";
    case Severity::kInfo: return "\033[2m";
  }
  return "";
}

std::string Upper(const char* s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Where(const Origin& o) {
  std::string s = o.repository.empty() ? "" : o.repository + ": ";
  s += o.path.empty() ? ("blob " + o.blob) : o.path;
  if (!o.commit.empty()) s += " (commit " + o.commit.substr(0, 12) + ")";
  return s;
}

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void WriteFinding(const Finding& f, const ReportOptions& opt, std::ostream& out) {
  const char* on = opt.color ? Colour(f.severity) : "";
  const char* off = opt.color ? "\033[0m" : "";
  out << "  " << on << Upper(SeverityName(f.severity)) << off << "  " << f.rule << "  [" << f.category << "]";
  if (!f.origin.member.empty()) out << "  in " << f.origin.member;
  if (f.line) out << "  line " << *f.line;
  out << "\n      " << f.message << "\n";
  if (!f.columns.empty()) {
    out << "      columns:";
    size_t shown = std::min<size_t>(f.columns.size(), 8);
    for (size_t i = 0; i < shown; ++i) out << (i ? ", " : " ") << f.columns[i];
    if (f.columns.size() > shown) out << ", ... (" << f.columns.size() << " in all)";
    out << "\n";
  }
  if (!f.masked.empty()) out << "      value: " << f.masked << "\n";
  if (opt.explain)
    for (const auto& e : f.evidence) out << "      " << (e.weight >= 0 ? "+" : "") << e.weight << "  " << e.what << "\n";
}

}  // namespace

void WriteTextReport(const ScanResult& r, const ReportOptions& opt, std::ostream& out) {
  // Group by outer file, keeping the sorted order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const auto& f : r.findings) {
    std::string w = Where(f.origin);
    if (!by_file.count(w)) order.push_back(w);
    by_file[w].push_back(&f);
  }
  for (const auto& w : order) {
    auto& list = by_file[w];
    std::stable_sort(list.begin(), list.end(), [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
    out << (opt.color ? "\033[1m" : "") << w << (opt.color ? "\033[0m" : "") << "\n";
    for (const Finding* f : list) WriteFinding(*f, opt, out);
    out << "\n";
  }
  if (opt.show_suppressed && !r.suppressed.empty()) {
    out << "suppressed:\n";
    for (const auto& f : r.suppressed) {
      out << "  " << Where(f.origin);
      if (!f.origin.member.empty()) out << " in " << f.origin.member;
      if (f.line) out << " line " << *f.line;
      out << "  " << f.rule << "  (" << SeverityName(f.severity) << ")\n      " << f.suppressed_by << "\n";
    }
    out << "\n";
  }
  if (!r.warnings.empty()) {
    out << "warnings:\n";
    for (const auto& w : r.warnings) out << "  " << w << "\n";
    out << "\n";
  }
  if (opt.explain && !r.explanations.empty()) {
    out << "explain:\n";
    for (const auto& x : r.explanations) {
      out << "  " << x.origin.Display() << ": " << x.decision << " (score " << x.score << ")";
      if (x.rows) out << ", " << *x.rows << " rows";
      out << "\n";
      for (const auto& e : x.evidence)
        out << "      " << (e.weight >= 0 ? "+" : "") << e.weight << "  " << e.rule << ": " << e.what << "\n";
      if (x.evidence.empty()) out << "      no evidence\n";
    }
    out << "\n";
  }
  if (!r.errors.empty()) {
    out << "errors:\n";
    for (const auto& e : r.errors) {
      std::string where = e.origin.Display();
      if (!e.origin.blob.empty() && e.origin.path.empty()) where = "blob " + e.origin.blob;
      out << "  " << (where.empty() ? "scan" : where) << ": " << e.message << "\n";
    }
    out << "\n";
  }
  if (!r.skipped.empty()) {
    out << "skipped in part:\n";
    for (const auto& s : r.skipped) out << "  " << s.origin.Display() << ": " << s.reason << "\n";
    out << "\n";
  }
  std::map<Severity, int> counts;
  for (const auto& f : r.findings) counts[f.severity]++;
  std::ostringstream sev;
  for (Severity s : {Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo})
    if (counts[s]) sev << (sev.tellp() > 0 ? ", " : "") << counts[s] << " " << SeverityName(s);
  const ScanStats& st = r.stats;
  out << (st.blobs ? Plural(st.blobs, "blob", "blobs") : Plural(st.files, "file", "files")) << " scanned, "
      << Plural(r.findings.size(), "finding", "findings");
  if (!r.findings.empty()) out << " (" << sev.str() << ")";
  out << ", " << Plural(r.errors.size(), "error", "errors") << ", " << st.skipped << " skipped";
  if (st.suppressed) out << ", " << st.suppressed << " suppressed";
  out << " in " << st.elapsed_ms << " ms\n";
}

}  // namespace cg
