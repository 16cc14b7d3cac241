// The text report: grouped by file, most severe first, each file followed by what to do next,
// then errors, skipped items and a one-line summary. Meant for people; scripts use json.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "report/printable.h"
#include "report/remediation.h"
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

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

// Wraps `text` in `code` when colour is on.
std::string Paint(const ReportOptions& opt, const char* code, const std::string& text) {
  return opt.color ? code + text + kReset : text;
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
  return Printable(s);
}

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void WriteFinding(const Finding& f, const ReportOptions& opt, std::ostream& out) {
  std::string label = Upper(SeverityName(f.severity));
  label.resize(6, ' ');  // severities line up
  out << "  " << Paint(opt, Colour(f.severity), label) << "  " << f.rule << "  [" << f.category << "]";
  if (!f.origin.member.empty()) out << "  in " << Printable(f.origin.member);
  if (f.line) out << "  line " << *f.line;
  out << "\n      " << Printable(f.message) << "\n";
  if (!f.columns.empty()) {
    out << "      columns:";
    size_t shown = std::min<size_t>(f.columns.size(), 8);
    for (size_t i = 0; i < shown; ++i) out << (i ? ", " : " ") << Printable(f.columns[i]);
    if (f.columns.size() > shown) out << ", ... (" << f.columns.size() << " in all)";
    out << "\n";
  }
  if (!f.masked.empty()) out << "      value: " << f.masked << "\n";
  if (opt.explain)
    for (const auto& e : f.evidence) out << "      " << (e.weight >= 0 ? "+" : "") << e.weight << "  " << e.what << "\n";
}

// The steps for every category among one file's findings, each step once.
void WriteNextSteps(const std::vector<const Finding*>& list, const ReportOptions& opt, std::ostream& out) {
  std::vector<std::string> steps;
  std::set<std::string> seen_category;
  for (const Finding* f : list) {
    const std::string kind = SecretInName(*f) ? "name" : f->category == "secret" ? "secret" : "data";
    if (!seen_category.insert(kind).second) continue;
    for (auto& s : NextSteps(*f, opt.place ? *opt.place : PlaceOf(f->origin)))
      if (std::find(steps.begin(), steps.end(), s) == steps.end()) steps.push_back(std::move(s));
  }
  out << "  " << Paint(opt, kBold, "next:") << "\n";
  for (const auto& s : steps) out << "    - " << s << "\n";
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
    out << Paint(opt, kBold, w) << "\n";
    for (const Finding* f : list) WriteFinding(*f, opt, out);
    WriteNextSteps(list, opt, out);
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
      out << "  " << Printable(x.origin.Display()) << ": " << x.decision << " (score " << x.score << ")";
      if (x.rows) out << ", " << *x.rows << " rows";
      out << "\n";
      for (const auto& e : x.evidence)
        out << "      " << (e.weight >= 0 ? "+" : "") << e.weight << "  " << e.rule << ": " << e.what << "\n";
      if (x.evidence.empty()) out << "      no evidence\n";
    }
    out << "\n";
  }
  if (!r.errors.empty()) {
    out << Paint(opt, kBold, "errors:") << "\n";
    for (const auto& e : r.errors) {
      std::string where = e.origin.Display();
      if (!e.origin.blob.empty() && e.origin.path.empty()) where = "blob " + e.origin.blob;
      out << "  " << (where.empty() ? "scan" : Printable(where)) << ": " << Printable(e.message) << "\n";
    }
    out << "\n";
  }
  if (!r.skipped.empty()) {
    out << Paint(opt, kDim, "skipped in part:") << "\n";
    for (const auto& s : r.skipped) out << "  " << Printable(s.origin.Display()) << ": " << Printable(s.reason) << "\n";
    out << "\n";
  }
  std::map<Severity, int> counts;
  for (const auto& f : r.findings) counts[f.severity]++;
  std::ostringstream sev;
  for (Severity s : {Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo})
    if (counts[s]) sev << (sev.tellp() > 0 ? ", " : "") << counts[s] << " " << SeverityName(s);
  const ScanStats& st = r.stats;
  std::ostringstream line;
  line << (st.blobs ? Plural(st.blobs, "blob", "blobs") : Plural(st.files, "file", "files")) << " scanned, "
      << Plural(r.findings.size(), "finding", "findings");
  if (!r.findings.empty()) line << " (" << sev.str() << ")";
  line << ", " << Plural(r.errors.size(), "error", "errors") << ", " << st.skipped << " skipped";
  if (st.suppressed) line << ", " << st.suppressed << " suppressed";
  line << " in " << st.elapsed_ms << " ms";
  bool blocking = false;
  for (const auto& f : r.findings) blocking |= Blocks(f, opt.fail_on);
  const char* tone = blocking || !r.errors.empty() ? "\033[1;31m" : r.findings.empty() ? "\033[32m" : "\033[33m";
  out << Paint(opt, tone, line.str()) << "\n";
}

}  // namespace cg
