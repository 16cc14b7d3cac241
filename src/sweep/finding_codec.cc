#include "sweep/finding_codec.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "report/json_finding.h"

namespace cg {

using json = nlohmann::json;

std::string FindingToJson(const Finding& f) {
  std::ostringstream out;
  JsonWriter w(out, /*pretty=*/false);
  WriteFindingObject(w, f, /*explain=*/true);
  return out.str();
}

namespace {

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) throw json::type_error::create(302, std::string("'") + key + "' is not a string", nullptr);
  return it->get<std::string>();
}

std::optional<int64_t> OptInt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<int64_t>();
}

}  // namespace

Expected<Finding> FindingFromJson(const std::string& text) {
  try {
    json j = json::parse(text);
    if (!j.is_object()) return Status::Corrupt("a finding is not a JSON object");
    Finding f;
    f.rule = Str(j, "rule");
    f.category = Str(j, "category");
    if (f.rule.empty() || f.category.empty()) return Status::Corrupt("a finding has no rule or category");
    if (!ParseSeverity(Str(j, "severity"), &f.severity))
      return Status::Corrupt("finding '" + f.rule + "': bad severity '" + Str(j, "severity") + "'");
    f.confidence = j.value("confidence", 0.0);
    f.origin.repository = Str(j, "repository");
    f.origin.path = Str(j, "path");
    f.origin.member = Str(j, "member");
    f.origin.commit = Str(j, "commit");
    f.origin.blob = Str(j, "blob");
    f.line = OptInt(j, "line");
    f.rows = OptInt(j, "rows");
    f.rows_estimated = j.value("rows_estimated", false);
    if (auto it = j.find("columns"); it != j.end() && !it->is_null()) f.columns = it->get<std::vector<std::string>>();
    f.id_column = Str(j, "id_column");
    f.message = Str(j, "message");
    f.masked = Str(j, "masked");
    f.fingerprint = Str(j, "fingerprint");
    if (auto it = j.find("reidentification"); it != j.end() && it->is_object()) {
      Reidentification r;
      if (auto q = it->find("quasi_identifiers"); q != it->end() && q->is_array())
        r.quasi_identifiers = q->get<std::vector<std::string>>();
      r.unique_share = it->value("unique_share", 0.0);
      r.sampled_rows = it->value("sampled_rows", int64_t{0});
      f.reidentification = std::move(r);
    }
    if (auto it = j.find("provenance"); it != j.end() && it->is_object()) {
      Provenance p;
      p.url = Str(*it, "url");
      p.permalink = Str(*it, "permalink");
      const json none = json::object();
      const json& a = it->contains("author") ? (*it)["author"] : none;
      const json& c = it->contains("committer") ? (*it)["committer"] : none;
      p.author_name = Str(a, "name");
      p.author_email = Str(a, "email");
      p.authored = Str(a, "date");
      p.committer_name = Str(c, "name");
      p.committer_email = Str(c, "email");
      p.committed = Str(c, "date");
      p.at_head = it->value("at_head", false);
      f.provenance = std::move(p);
    }
    f.suppressed_by = Str(j, "suppressed_by");
    if (auto it = j.find("evidence"); it != j.end() && it->is_array())
      for (const auto& e : *it) f.evidence.push_back({Str(e, "rule"), Str(e, "what"), e.value("weight", 0.0)});
    return f;
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string("finding is not valid JSON: ") + e.what());
  }
}

}  // namespace cg
