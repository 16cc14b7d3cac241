// The JSON report: schema cohortguard.report/v1, as INTERFACE.md specifies.
#include "report/json_finding.h"
#include "report/json_writer.h"
#include "report/report.h"

namespace cg {

void WriteEvidence(JsonWriter& w, const std::vector<Evidence>& evidence) {
  w.BeginArray();
  for (const auto& e : evidence) {
    w.BeginObject().Key("rule").String(e.rule).Key("what").String(e.what).Key("weight").Double(e.weight).EndObject();
  }
  w.EndArray();
}

void WriteReidentification(JsonWriter& w, const Reidentification& r) {
  w.BeginObject();
  w.Key("quasi_identifiers").StringArray(r.quasi_identifiers);
  w.Key("unique_share").Double(r.unique_share);
  w.Key("sampled_rows").Int(r.sampled_rows);
  w.EndObject();
}

void WriteProvenance(JsonWriter& w, const Provenance& p) {
  w.BeginObject();
  w.Key("url").NullableString(p.url);
  w.Key("permalink").NullableString(p.permalink);
  w.Key("author").BeginObject().Key("name").String(p.author_name).Key("email").String(p.author_email)
      .Key("date").String(p.authored).EndObject();
  w.Key("committer").BeginObject().Key("name").String(p.committer_name).Key("email").String(p.committer_email)
      .Key("date").String(p.committed).EndObject();
  w.Key("at_head").Bool(p.at_head);
  w.EndObject();
}

void WriteFindingObject(JsonWriter& w, const Finding& f, bool explain) {
  w.BeginObject();
  w.Key("rule").String(f.rule);
  w.Key("category").String(f.category);
  w.Key("severity").String(SeverityName(f.severity));
  w.Key("confidence").Double(f.confidence);
  w.Key("repository").NullableString(f.origin.repository);
  w.Key("path").String(f.origin.path);
  w.Key("member").NullableString(f.origin.member);
  w.Key("commit").NullableString(f.origin.commit);
  w.Key("blob").NullableString(f.origin.blob);
  w.Key("line");
  if (f.line) w.Int(*f.line); else w.Null();
  w.Key("rows");
  if (f.rows) w.Int(*f.rows); else w.Null();
  w.Key("rows_estimated").Bool(f.rows_estimated);
  w.Key("columns").StringArray(f.columns);
  w.Key("id_column").NullableString(f.id_column);
  w.Key("message").String(f.message);
  if (f.reidentification) {
    w.Key("reidentification");
    WriteReidentification(w, *f.reidentification);
  }
  if (f.provenance) {
    w.Key("provenance");
    WriteProvenance(w, *f.provenance);
  }
  if (!f.masked.empty()) w.Key("masked").String(f.masked);
  w.Key("fingerprint").String(f.fingerprint);
  if (!f.suppressed_by.empty()) w.Key("suppressed_by").String(f.suppressed_by);
  if (explain) {
    w.Key("evidence");
    WriteEvidence(w, f.evidence);
  }
  w.EndObject();
}

void WriteJsonReport(const ScanResult& r, const ReportOptions& options, std::ostream& out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("schema").String("cohortguard.report/v1");
  w.Key("tool").BeginObject().Key("name").String("cohortguard").Key("version").String(COHORTGUARD_VERSION).EndObject();
  w.Key("findings").BeginArray();
  for (const auto& f : r.findings) WriteFindingObject(w, f, options.explain);
  w.EndArray();
  if (options.show_suppressed) {
    w.Key("suppressed").BeginArray();
    for (const auto& f : r.suppressed) WriteFindingObject(w, f, options.explain);
    w.EndArray();
  }
  if (!r.warnings.empty()) w.Key("warnings").StringArray(r.warnings);
  w.Key("errors").BeginArray();
  for (const auto& e : r.errors) {
    w.BeginObject().Key("path").NullableString(e.origin.path).Key("member").NullableString(e.origin.member);
    if (!e.origin.repository.empty()) w.Key("repository").String(e.origin.repository);
    if (!e.origin.blob.empty()) w.Key("blob").String(e.origin.blob);
    w.Key("message").String(e.message).EndObject();
  }
  w.EndArray();
  w.Key("skipped").BeginArray();
  for (const auto& s : r.skipped) {
    w.BeginObject().Key("path").NullableString(s.origin.path).Key("member").NullableString(s.origin.member);
    if (!s.origin.commit.empty()) w.Key("commit").String(s.origin.commit);
    if (!s.origin.blob.empty()) w.Key("blob").String(s.origin.blob);
    w.Key("reason").String(s.reason).EndObject();
  }
  w.EndArray();
  if (options.explain) {
    w.Key("explain").BeginArray();
    for (const auto& x : r.explanations) {
      w.BeginObject();
      w.Key("path").String(x.origin.path).Key("member").NullableString(x.origin.member);
      w.Key("decision").String(x.decision).Key("score").Double(x.score);
      w.Key("rows");
      if (x.rows) w.Int(*x.rows); else w.Null();
      // The "header" of something that was not flagged is often not a header at all (a line of
      // code or a data row split on spaces): name columns only for flagged tables.
      if (x.decision.starts_with("flagged")) w.Key("columns").StringArray(x.columns);
      else w.Key("column_count").Int(static_cast<int64_t>(x.columns.size()));
      w.Key("evidence");
      WriteEvidence(w, x.evidence);
      if (!x.features.empty()) {
        // The person model's inputs, by name: what scripts/fit-detector refits from.
        w.Key("features").BeginObject();
        for (const auto& fv : x.features) w.Key(fv.name).Double(fv.value);
        w.EndObject();
      }
      if (x.reidentification && !x.reidentification->quasi_identifiers.empty()) {
        w.Key("reidentification");
        WriteReidentification(w, *x.reidentification);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  const ScanStats& s = r.stats;
  w.Key("stats").BeginObject();
  w.Key("files").Int(static_cast<int64_t>(s.files)).Key("blobs").Int(static_cast<int64_t>(s.blobs));
  w.Key("bytes").Int(static_cast<int64_t>(s.bytes)).Key("skipped").Int(static_cast<int64_t>(s.skipped));
  w.Key("suppressed").Int(static_cast<int64_t>(s.suppressed));
  w.Key("elapsed_ms").Int(s.elapsed_ms);
  w.EndObject();
  w.EndObject();
  out << '\n';
}

}  // namespace cg
