#include "content/fhir_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "content/bounded_lines.h"
#include "content/json_records_reader.h"
#include "content/json_text.h"
#include "content/record_table.h"
#include "content/table_sample.h"

namespace cg {
namespace {

constexpr size_t kMaxFlattenDepth = 4;      // field.a.b.c; deeper values are compact JSON
constexpr size_t kMaxRecordColumns = 400;   // per resource
constexpr int kMaxBundleNesting = 4;
constexpr size_t kNdjsonProbeBytes = 1 << 20;

// Fields that are not data about the person: the resource's own bookkeeping and its generated
// narrative (`text`, an XHTML rendering of the same fields; the raw text is still searched for
// secrets). `contained` resources are read as resources of their own.
bool SkippedField(std::string_view k) {
  return k == "resourceType" || k == "meta" || k == "text" || k == "contained";
}

// Dotted paths of the first values: arrays contribute their first element, objects their
// members, scalars a cell. `name: [{family: X, given: [Y]}]` gives name.family and name.given.
void Flatten(simdjson::dom::element e, std::string& path, size_t depth, Record& out) {
  using simdjson::dom::element_type;
  if (out.size() >= kMaxRecordColumns) return;
  if (e.type() == element_type::ARRAY) {
    simdjson::dom::array a;
    simdjson::dom::element first;
    if (e.get_array().get(a) || a.at(0).get(first)) return;  // empty
    Flatten(first, path, depth, out);
    return;
  }
  if (e.type() != element_type::OBJECT || depth >= kMaxFlattenDepth) {
    out.emplace_back(path, JsonCellText(e));
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return;
  for (auto field : obj) {
    if (depth == 0 && SkippedField(field.key)) continue;
    const size_t at = path.size();
    if (!path.empty()) path += '.';
    path.append(field.key.data(), field.key.size());
    Flatten(field.value, path, depth + 1, out);
    path.resize(at);
  }
}

std::string_view StringField(simdjson::dom::object o, std::string_view key) {
  std::string_view v;
  if (o[key].get_string().get(v)) return {};
  return v;
}

class Collector {
 public:
  // Records every resource of `root`: a Bundle (entries, nested Bundles), an array of resources
  // or one resource. Patient fullUrls are collected first so that a record listed before its
  // Patient entry still resolves.
  void AddDocument(simdjson::dom::element root) {
    CollectPatientUrls(root, 0);
    AddElement(root, 0);
  }

  // One NDJSON line.
  void AddLine(simdjson::dom::element e) {
    CollectPatientUrls(e, 0);
    AddElement(e, 0);
  }

  void CountNotResource() { ++not_resources_; }
  uint64_t not_resources() const { return not_resources_; }
  uint64_t resources() const { return resources_; }

  Status Emit(Document& doc, const EmitFn& emit) {
    if (!patients_.empty()) {
      Status s = EmitTable(doc, "Patient", patients_.Finish("fhir-patients"), emit);
      if (!s.ok()) return s;
    }
    if (!records_.empty()) return EmitTable(doc, "records", records_.Finish("fhir-records"), emit);
    return Status::Ok();
  }

 private:
  static Status EmitTable(Document& doc, const std::string& member, TableView t, const EmitFn& emit) {
    Document child(ChildOrigin(doc.origin(), member), member, std::move(t), doc.depth() + 1);
    return emit(child);
  }

  void CollectPatientUrls(simdjson::dom::element e, int nesting) {
    simdjson::dom::object o;
    if (e.get_object().get(o)) {
      simdjson::dom::array a;
      if (!e.get_array().get(a) && nesting == 0)
        for (simdjson::dom::element x : a) CollectPatientUrls(x, nesting + 1);
      return;
    }
    if (StringField(o, "resourceType") != "Bundle" || nesting > kMaxBundleNesting) return;
    simdjson::dom::array entries;
    if (o["entry"].get_array().get(entries)) return;
    for (simdjson::dom::element entry : entries) {
      simdjson::dom::object eo, res;
      if (entry.get_object().get(eo) || eo["resource"].get_object().get(res)) continue;
      std::string_view type = StringField(res, "resourceType");
      std::string_view url = StringField(eo, "fullUrl");
      if (type == "Patient" && !url.empty() && patient_urls_.size() < 1000000) patient_urls_.emplace(url);
      if (type == "Bundle") CollectPatientUrls(entry["resource"].value_unsafe(), nesting + 1);
    }
  }

  void AddElement(simdjson::dom::element e, int nesting) {
    simdjson::dom::array a;
    if (!e.get_array().get(a)) {
      if (nesting > 0) return CountNotResource();
      for (simdjson::dom::element x : a) AddElement(x, nesting + 1);
      return;
    }
    simdjson::dom::object o;
    if (e.get_object().get(o)) return CountNotResource();
    AddResource(o, nesting);
  }

  void AddResource(simdjson::dom::object o, int nesting) {
    std::string_view type = StringField(o, "resourceType");
    if (type.empty() || type.size() > 64) return CountNotResource();
    ++resources_;
    if (type == "Bundle") {
      if (nesting > kMaxBundleNesting) return CountNotResource();
      simdjson::dom::array entries;
      if (o["entry"].get_array().get(entries)) return;
      for (simdjson::dom::element entry : entries) {
        simdjson::dom::object eo, res;
        if (entry.get_object().get(eo)) continue;
        if (eo["resource"].get_object().get(res)) continue;  // a request-only entry (a delete)
        AddResource(res, nesting + 1);
      }
      return;
    }
    simdjson::dom::array contained;
    if (!o["contained"].get_array().get(contained))
      for (simdjson::dom::element c : contained) {
        simdjson::dom::object co;
        if (!c.get_object().get(co) && nesting <= kMaxBundleNesting) AddResource(co, nesting + 1);
      }
    if (type == "Patient") {
      if (patients_.sample_full()) return patients_.CountOnly();
      return patients_.Add(Fields(o));
    }
    std::string_view patient = PatientReference(o);
    if (patient.empty()) return;
    if (records_.sample_full()) return records_.CountOnly();
    Record r;
    r.emplace_back("patient", CellText(patient));
    r.emplace_back("resourceType", CellText(type));
    Record rest = Fields(o);
    r.insert(r.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    records_.Add(std::move(r));
  }

  static Record Fields(simdjson::dom::object o) {
    Record r;
    std::string path;
    for (auto field : o) {
      if (SkippedField(field.key)) continue;
      path.assign(field.key.data(), field.key.size());
      Flatten(field.value, path, 1, r);
      if (r.size() >= kMaxRecordColumns) break;
    }
    return r;
  }

  // The reference of `subject`, `patient` or `beneficiary` when it names a patient.
  std::string_view PatientReference(simdjson::dom::object o) const {
    for (std::string_view key : {"subject", "patient", "beneficiary"}) {
      simdjson::dom::object ref;
      if (o[key].get_object().get(ref)) continue;
      std::string_view r = StringField(ref, "reference");
      if (r.empty()) continue;
      if (r.substr(0, 8) == "Patient/" || r.find("/Patient/") != std::string_view::npos ||
          patient_urls_.count(std::string(r)))
        return r;
    }
    return {};
  }

  RecordTable patients_, records_;
  std::unordered_set<std::string> patient_urls_;
  uint64_t not_resources_ = 0, resources_ = 0;
};

Status Finish(Collector& c, Document& doc, const EmitFn& emit, uint64_t invalid_lines, uint64_t long_lines,
              const ContentLimits& limits) {
  Status s = c.Emit(doc, emit);
  if (!s.ok()) return s;
  std::string problems;
  auto add = [&](uint64_t n, const std::string& what) {
    if (n > 0) problems += (problems.empty() ? "" : "; ") + std::to_string(n) + " " + what;
  };
  add(long_lines, "NDJSON lines longer than " + std::to_string(limits.max_line_length) + " bytes were not read");
  add(invalid_lines, "NDJSON lines are not valid JSON");
  add(c.not_resources(), "JSON values are not FHIR resources (no resourceType)");
  if (problems.empty()) return Status::Ok();
  return long_lines ? Status::LimitExceeded(problems) : Status::Corrupt(problems);
}

Status ExpandDocument(Document& doc, const ContentLimits& limits, const EmitFn& emit) {
  auto text = ReadBounded(doc, std::min<uint64_t>(kMaxJsonArrayBytes, limits.max_held_bytes), "FHIR JSON document");
  if (!text.ok()) return text.status();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(*text).get(root))
    return Status::Corrupt(std::string("invalid FHIR JSON: ") + simdjson::error_message(err));
  Collector c;
  c.AddDocument(root);
  return Finish(c, doc, emit, 0, 0, limits);
}

Status ExpandNdjson(Document& doc, const ContentLimits& limits, const EmitFn& emit) {
  simdjson::dom::parser parser;
  Collector c;
  uint64_t long_lines = 0, invalid = 0;
  auto read = ForEachBoundedLine(doc, limits.max_line_length, [&](std::string_view text, bool overlong) {
    std::string_view l = Trim(text);
    if (l.substr(0, 3) == "\xef\xbb\xbf") l.remove_prefix(3);
    if (overlong) {
      ++long_lines;
    } else if (!l.empty()) {
      simdjson::dom::element e;
      if (parser.parse(l.data(), l.size(), true).get(e)) ++invalid;
      else c.AddLine(e);
    }
    return true;
  });
  if (!read.ok()) return read.status();
  return Finish(c, doc, emit, invalid, long_lines, limits);
}

// NDJSON when the first line is a whole JSON value on its own; a pretty-printed Bundle's first
// line ("{") is not.
bool FirstLineIsJson(std::string_view head) {
  std::string_view h = head;
  if (h.substr(0, 3) == "\xef\xbb\xbf") h.remove_prefix(3);
  size_t b = h.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return false;
  size_t nl = h.find('\n', b);
  if (nl == std::string_view::npos) return false;  // one line (or longer than the probe): a document
  std::string_view first = Trim(h.substr(b, nl - b));
  if (first.empty() || first[0] != '{') return false;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  return !parser.parse(first.data(), first.size(), true).get(e);
}

}  // namespace

Status FhirReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                          const EmitFn& emit) {
  auto head = doc.Peek(kNdjsonProbeBytes);
  if (!head.ok()) return head.status();
  if (FirstLineIsJson(*head)) return ExpandNdjson(doc, limits, emit);
  return ExpandDocument(doc, limits, emit);
}

}  // namespace cg
