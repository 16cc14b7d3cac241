#include "report/custodian_report.h"

#include <map>
#include <string>

#include "report/printable.h"

namespace cg {
namespace {

const Provenance kUnknown;

const Provenance& Of(const Finding& f) { return f.provenance ? *f.provenance : kUnknown; }

std::string Status(const Finding& f) {
  if (!f.provenance) return "unknown";
  return f.provenance->at_head ? "in HEAD" : "only in history";
}

std::string What(const Finding& f) {
  std::string s = f.rule;
  if (f.rows) s += " (" + std::to_string(*f.rows) + (f.rows_estimated ? "+" : "") + " rows)";
  return s;
}

std::string Csv(const std::string& raw) {
  std::string s = Printable(raw);
  if (!s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos) s = "'" + s;
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Html(const std::string& raw) {
  std::string out;
  for (char c : Printable(raw)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Only web addresses become links (never javascript: or data: from a doctored report).
std::string Link(const std::string& url, const std::string& text) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return Html(text);
  return "<a href=\"" + Html(url) + "\">" + Html(text) + "</a>";
}

std::string Where(const Finding& f) { return f.origin.member.empty() ? f.origin.path : f.origin.path + "!" + f.origin.member; }

}  // namespace

void WriteCustodianCsv(const std::vector<Finding>& findings, std::ostream& out) {
  out << "repository,url,severity,category,rule,rows,path,member,commit,permalink,author_name,author_email,"
         "authored,committer_name,committer_email,committed,status\r\n";
  for (const Finding& f : findings) {
    const Provenance& p = Of(f);
    const std::string cells[] = {f.origin.repository, p.url, SeverityName(f.severity), f.category, f.rule,
                                 f.rows ? std::to_string(*f.rows) : "", f.origin.path, f.origin.member,
                                 f.origin.commit, p.permalink, p.author_name, p.author_email, p.authored,
                                 p.committer_name, p.committer_email, p.committed, Status(f)};
    bool first = true;
    for (const std::string& c : cells) {
      out << (first ? "" : ",") << Csv(c);
      first = false;
    }
    out << "\r\n";
  }
}

void WriteCustodianHtml(const std::vector<Finding>& findings, std::ostream& out) {
  // repository -> researcher (author e-mail, else name) -> findings, each in report order.
  std::map<std::string, std::map<std::string, std::vector<const Finding*>>> by;
  for (const Finding& f : findings) {
    const Provenance& p = Of(f);
    by[f.origin.repository][p.author_email.empty() ? p.author_name : p.author_email].push_back(&f);
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<title>cohortguard: custodian summary</title>\n<style>\n"
         "body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
         "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}\n"
         ".high{color:#a00;font-weight:bold}.head{font-weight:bold}\n</style></head><body>\n"
         "<h1>Custodian summary</h1>\n<p>"
      << findings.size() << " findings in " << by.size()
      << " repositories. Names and e-mail addresses are those of the commits; no cell value, column name or "
         "secret is in this page.</p>\n";
  for (const auto& [repository, researchers] : by) {
    const Finding& any = *researchers.begin()->second.front();
    const std::string url = Of(any).url;
    out << "<h2>" << Link(url, repository.empty() ? url : repository) << "</h2>\n";
    for (const auto& [researcher, list] : researchers) {
      std::string since, name;
      size_t at_head = 0;
      for (const Finding* f : list) {
        const Provenance& p = Of(*f);
        if (!p.authored.empty() && (since.empty() || p.authored < since)) since = p.authored;
        if (name.empty()) name = p.author_name;
        at_head += p.at_head;
      }
      out << "<h3>" << Html(name.empty() ? "unknown author" : name);
      if (!researcher.empty() && researcher != name) out << " &lt;" << Html(researcher) << "&gt;";
      out << "</h3>\n<p>" << list.size() << " findings since " << Html(since.empty() ? "unknown" : since) << "; "
          << at_head << " still in HEAD, " << list.size() - at_head << " only in history.</p>\n"
          << "<table><tr><th>severity</th><th>what</th><th>file</th><th>commit</th><th>authored</th>"
             "<th>committed by</th><th>status</th></tr>\n";
      for (const Finding* f : list) {
        const Provenance& p = Of(*f);
        const std::string sev = SeverityName(f->severity);
        out << "<tr><td class=\"" << Html(sev) << "\">" << Html(sev) << "</td><td>" << Html(What(*f)) << "</td><td>"
            << Link(p.permalink, Where(*f)) << "</td><td>" << Html(f->origin.commit.substr(0, 12)) << "</td><td>"
            << Html(p.authored) << "</td><td>" << Html(p.committer_email.empty() ? p.committer_name : p.committer_email)
            << " " << Html(p.committed) << "</td><td" << (p.at_head ? " class=\"head\"" : "") << ">" << Html(Status(*f))
            << "</td></tr>\n";
      }
      out << "</table>\n";
    }
  }
  out << "</body></html>\n";
}

}  // namespace cg
