// The SARIF report: SARIF 2.1.0 as GitHub code scanning ingests it. One run per scan; rules are
// the ones the findings reference, described from the loaded rule set (ReportOptions::rules) or,
// for rules it does not list, from their category. Paths are URIs relative to %SRCROOT%.
#include <algorithm>
#include <cstdio>
#include <map>

#include "report/json_writer.h"
#include "report/remediation.h"
#include "report/report.h"

namespace cg {
namespace {

// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string UriPath(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Sentence(std::string s) {
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s.push_back('.');
  return s;
}

const char* Level(Severity s) {
  switch (s) {
    case Severity::kHigh: return "error";
    case Severity::kMedium: return "warning";
    default: return "note";
  }
}

// GitHub: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
const char* SecuritySeverity(Severity s) {
  switch (s) {
    case Severity::kHigh: return "8.5";
    case Severity::kMedium: return "5.5";
    case Severity::kLow: return "3.0";
    case Severity::kInfo: return "1.0";
  }
  return "1.0";
}

// "ukbiobank.main-dataset" -> "UkbiobankMainDataset".
std::string PascalName(const std::string& id) {
  std::string out;
  bool up = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      up = true;
      continue;
    }
    out.push_back(up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    up = false;
  }
  return out;
}

std::string CategoryDescription(const std::string& category) {
  if (category == "secret")
    return "A credential for a research platform or cloud service was found in a file git tracks or would "
           "track. Anyone who can read the repository can use it.";
  if (category == "small-cells")
    return "An aggregate table with cell counts small enough to identify participants was found in a file git "
           "tracks or would track. Statistical disclosure control rules forbid releasing it.";
  if (category == "policy")
    return "A file the project's data policy keeps out of git was found in a file git tracks or would track.";
  return "A table of participant-level research data (one row per participant or per participant event) was "
         "found in a file git tracks or would track. Data access agreements forbid copying it outside the "
         "approved environment, and a public or shared repository is outside it.";
}

void Text(JsonWriter& w, const char* key, const std::string& text) {
  w.Key(key).BeginObject().Key("text").String(text).EndObject();
}

struct RuleEntry {
  RuleInfo info;
  Severity seen = Severity::kInfo;  // highest severity among its results
};

void WriteRule(JsonWriter& w, const RuleEntry& r) {
  const RuleInfo& info = r.info;
  const Severity sev = std::max(info.max_severity, r.seen);
  std::string help = "What to do in the working tree:\n";
  std::string md = "**In the working tree**\n\n";
  for (const auto& s : NextSteps(info.category, Place::kWorkTree, "PATH")) {
    help += "- " + s + "\n";
    md += "- " + s + "\n";
  }
  help += "What to do when it is in git history:\n";
  md += "\n**In git history**\n\n";
  for (const auto& s : NextSteps(info.category, Place::kPushed, "PATH")) {
    help += "- " + s + "\n";
    md += "- " + s + "\n";
  }
  w.BeginObject();
  w.Key("id").String(info.id);
  w.Key("name").String(PascalName(info.id));
  Text(w, "shortDescription", Sentence(info.title.empty() ? info.id : info.title));
  Text(w, "fullDescription", CategoryDescription(info.category));
  w.Key("help").BeginObject().Key("text").String(help).Key("markdown").String(md).EndObject();
  w.Key("defaultConfiguration").BeginObject().Key("level").String(Level(sev)).EndObject();
  w.Key("properties").BeginObject();
  std::vector<std::string> tags{"security", info.category};
  if (info.category != "secret") tags.push_back("privacy");
  w.Key("tags").StringArray(tags);
  w.Key("security-severity").String(SecuritySeverity(sev));
  w.Key("precision").String("high");
  w.EndObject();
  w.EndObject();
}

void WriteLocation(JsonWriter& w, const Origin& o, std::optional<int64_t> line) {
  std::string path = o.path.empty() ? "blob-" + o.blob : o.path;
  if (!o.repository.empty()) path = o.repository + "/" + path;
  w.BeginObject().Key("physicalLocation").BeginObject();
  w.Key("artifactLocation").BeginObject().Key("uri").String(UriPath(path)).Key("uriBaseId").String("%SRCROOT%").EndObject();
  if (line && *line > 0) w.Key("region").BeginObject().Key("startLine").Int(*line).EndObject();
  w.EndObject().EndObject();
}

void WriteResult(JsonWriter& w, const Finding& f, size_t rule_index) {
  std::string message = Sentence(f.message);
  if (!f.origin.member.empty()) message += " Found in " + f.origin.member + ".";
  if (!f.origin.commit.empty()) message += " Introduced by commit " + f.origin.commit + ".";
  w.BeginObject();
  w.Key("ruleId").String(f.rule);
  w.Key("ruleIndex").Int(static_cast<int64_t>(rule_index));
  w.Key("level").String(Level(f.severity));
  Text(w, "message", message);
  w.Key("locations").BeginArray();
  WriteLocation(w, f.origin, f.line);
  w.EndArray();
  w.Key("partialFingerprints").BeginObject().Key("cohortguard/v1").String(f.fingerprint).EndObject();
  w.Key("properties").BeginObject();
  w.Key("category").String(f.category).Key("severity").String(SeverityName(f.severity));
  w.Key("confidence").Double(f.confidence);
  if (!f.origin.member.empty()) w.Key("member").String(f.origin.member);
  if (!f.origin.commit.empty()) w.Key("commit").String(f.origin.commit);
  if (!f.origin.blob.empty()) w.Key("blob").String(f.origin.blob);
  if (f.rows) w.Key("rows").Int(*f.rows).Key("rowsEstimated").Bool(f.rows_estimated);
  if (!f.columns.empty()) w.Key("columns").StringArray(f.columns);
  if (!f.id_column.empty()) w.Key("idColumn").String(f.id_column);
  if (!f.masked.empty()) w.Key("masked").String(f.masked);
  w.EndObject();
  w.EndObject();
}

void WriteNotification(JsonWriter& w, const char* level, const Origin& o, const std::string& text) {
  w.BeginObject();
  w.Key("level").String(level);
  Text(w, "message", Sentence(text));
  if (!o.path.empty()) {
    w.Key("locations").BeginArray();
    WriteLocation(w, o, std::nullopt);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

void WriteSarifReport(const ScanResult& r, const ReportOptions& options, std::ostream& out) {
  // The rules the results reference, in order of first reference.
  std::vector<RuleEntry> rules;
  std::map<std::string, size_t> index;
  std::vector<size_t> result_rule;
  for (const auto& f : r.findings) {
    auto [it, added] = index.emplace(f.rule, rules.size());
    if (added) {
      RuleEntry e;
      e.info = {f.rule, "", f.category, Severity::kInfo};
      for (const auto& known : options.rules)
        if (known.id == f.rule) e.info = known;
      if (e.info.category.empty()) e.info.category = f.category;
      rules.push_back(e);
    }
    rules[it->second].seen = std::max(rules[it->second].seen, f.severity);
    result_rule.push_back(it->second);
  }

  JsonWriter w(out);
  w.BeginObject();
  w.Key("$schema").String("https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("version").String("2.1.0");
  w.Key("runs").BeginArray().BeginObject();
  w.Key("tool").BeginObject().Key("driver").BeginObject();
  w.Key("name").String("cohortguard");
  w.Key("version").String(COHORTGUARD_VERSION);
  w.Key("semanticVersion").String(COHORTGUARD_VERSION);
  w.Key("rules").BeginArray();
  for (const auto& rule : rules) WriteRule(w, rule);
  w.EndArray();
  w.EndObject().EndObject();

  w.Key("invocations").BeginArray().BeginObject();
  w.Key("executionSuccessful").Bool(r.errors.empty() && !r.enumeration_failed);
  if (!r.errors.empty() || !r.skipped.empty()) {
    w.Key("toolExecutionNotifications").BeginArray();
    for (const auto& e : r.errors) WriteNotification(w, "error", e.origin, e.message);
    for (const auto& s : r.skipped) WriteNotification(w, "warning", s.origin, "Not analysed in full: " + s.reason);
    w.EndArray();
  }
  w.EndObject().EndArray();

  w.Key("results").BeginArray();
  for (size_t i = 0; i < r.findings.size(); ++i) WriteResult(w, r.findings[i], result_rule[i]);
  w.EndArray();
  w.Key("columnKind").String("utf16CodeUnits");
  w.EndObject().EndArray();
  w.EndObject();
  out << '\n';
}

}  // namespace cg
