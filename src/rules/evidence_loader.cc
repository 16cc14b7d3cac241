#include "rules/evidence_loader.h"

#include <algorithm>

#include "rules/table_shapes.h"
#include "rules/validators.h"

namespace cg {

Status RuleContext::Error(const YAML::Node& at, const std::string& what) const {
  std::string where = file;
  if (at.IsDefined() && at.Mark().line >= 0) where += ":" + std::to_string(at.Mark().line + 1);
  std::string msg = where + ": ";
  if (!rule.empty()) msg += "rule '" + rule + "': ";
  return Status::InvalidArgument(msg + what);
}

Status GetString(const RuleContext& c, const YAML::Node& n, const char* key, bool required, std::string* out) {
  YAML::Node v = n[key];
  if (!v) return required ? c.Error(n, std::string("missing '") + key + "'") : Status::Ok();
  if (!v.IsScalar()) return c.Error(v, std::string("'") + key + "' must be a string");
  *out = v.Scalar();
  return Status::Ok();
}

Status GetDouble(const RuleContext& c, const YAML::Node& n, const char* key, double lo, double hi, bool required,
                 double* out) {
  YAML::Node v = n[key];
  if (!v) return required ? c.Error(n, std::string("missing '") + key + "'") : Status::Ok();
  double d;
  if (!v.IsScalar() || !YAML::convert<double>::decode(v, d))
    return c.Error(v, std::string("'") + key + "' must be a number");
  if (d < lo || d > hi)
    return c.Error(v, std::string("'") + key + "' must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  *out = d;
  return Status::Ok();
}

Status GetInt(const RuleContext& c, const YAML::Node& n, const char* key, int64_t lo, int64_t* out) {
  YAML::Node v = n[key];
  if (!v) return Status::Ok();
  int64_t i;
  if (!v.IsScalar() || !YAML::convert<int64_t>::decode(v, i))
    return c.Error(v, std::string("'") + key + "' must be a whole number");
  if (i < lo) return c.Error(v, std::string("'") + key + "' must be at least " + std::to_string(lo));
  *out = i;
  return Status::Ok();
}

Status GetBool(const RuleContext& c, const YAML::Node& n, const char* key, bool* out) {
  YAML::Node v = n[key];
  if (!v) return Status::Ok();
  bool b;
  if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) return c.Error(v, std::string("'") + key + "' must be true or false");
  *out = b;
  return Status::Ok();
}

Status CompilePatterns(const RuleContext& c, const YAML::Node& list, ColumnPatterns* out) {
  if (!list.IsSequence() || list.size() == 0) return c.Error(list, "'columns' must be a non-empty list of patterns");
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  out->set = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
  for (const auto& p : list) {
    if (!p.IsScalar()) return c.Error(p, "a column pattern must be a string");
    std::string err;
    if (out->set->Add(p.Scalar(), &err) < 0)
      return c.Error(p, "pattern '" + p.Scalar() + "' does not compile: " + err);
    out->sources.push_back(p.Scalar());
  }
  return Status::Ok();
}

Status CompileRegex(const RuleContext& c, const YAML::Node& n, const char* key, std::unique_ptr<RE2>* out) {
  std::string pat;
  if (auto s = GetString(c, n, key, true, &pat); !s.ok()) return s;
  RE2::Options opts;
  opts.set_log_errors(false);
  *out = std::make_unique<RE2>(pat, opts);
  if (!(*out)->ok()) return c.Error(n[key], "pattern '" + pat + "' does not compile: " + (*out)->error());
  return Status::Ok();
}

Status CheckKeys(const RuleContext& c, const YAML::Node& n, const std::set<std::string>& known) {
  for (const auto& kv : n)
    if (!known.count(kv.first.Scalar())) return c.Error(kv.first, "unknown key '" + kv.first.Scalar() + "'");
  return Status::Ok();
}

namespace {

Status LoadValues(const RuleContext& ec, const YAML::Node& n, EvidenceRule* e) {
  e->kind = "values";
  if (auto s = GetString(ec, n, "values", true, &e->validator); !s.ok()) return s;
  if (!FindValidator(e->validator))
    return ec.Error(n["values"], "unknown validator '" + e->validator + "' (known: " + ValidatorNames() + ")");
  if (auto s = GetDouble(ec, n, "min_fraction", 0.0, 1.0, false, &e->min_fraction); !s.ok()) return s;
  if (YAML::Node in = n["in"]) {
    if (in.IsScalar() && in.Scalar() == "id") e->scope = ValueScope::kIdColumn;
    else if (in.IsScalar() && in.Scalar() == "any") e->scope = ValueScope::kAnyColumn;
    else if (in.IsSequence()) {
      e->scope = ValueScope::kColumns;
      if (auto s = CompilePatterns(ec, in, &e->scope_columns); !s.ok()) return s;
    } else {
      return ec.Error(in, "'in' must be 'id', 'any' or a list of column patterns");
    }
  }
  e->unique = e->scope == ValueScope::kIdColumn;  // ids are distinct; other columns need not be
  int64_t distinct = 1;
  if (auto s = GetInt(ec, n, "min_distinct", 1, &distinct); !s.ok()) return s;
  e->min_distinct = static_cast<int>(std::min<int64_t>(distinct, 1000));
  return GetBool(ec, n, "unique", &e->unique);
}

}  // namespace

Status LoadEvidence(const RuleContext& c, const YAML::Node& n, EvidenceRule* e, const std::set<std::string>& extra_keys) {
  if (!n.IsMap()) return c.Error(n, "each evidence entry must be a map");
  if (auto s = GetString(c, n, "id", true, &e->id); !s.ok()) return s;
  // A negative rule is a single evidence entry: its context is the pack prefix ("aggregates.").
  const bool is_rule = !c.rule.empty() && c.rule.back() == '.';
  RuleContext ec{c.file, is_rule ? c.rule + e->id : c.rule + "' evidence '" + e->id};
  if (auto s = GetDouble(ec, n, "weight", 0.0, 1.0, true, &e->weight); !s.ok()) return s;
  int kinds = 0;
  for (const char* k : {"columns", "values", "path", "shape", "format", "min_rows"}) kinds += n[k] ? 1 : 0;
  if (kinds != 1) return ec.Error(n, "needs exactly one of 'columns', 'values', 'path', 'shape', 'format' or 'min_rows'");
  if (n["columns"]) {
    e->kind = "columns";
    if (auto s = CompilePatterns(ec, n["columns"], &e->columns); !s.ok()) return s;
    int64_t m = 1;
    if (auto s = GetInt(ec, n, "min_matches", 1, &m); !s.ok()) return s;
    e->min_matches = static_cast<int>(m);
    if (auto s = GetDouble(ec, n, "min_share", 0.0, 1.0, false, &e->min_share); !s.ok()) return s;
    std::string role;
    if (auto s = GetString(ec, n, "role", false, &role); !s.ok()) return s;
    if (!role.empty() && role != "id") return ec.Error(n["role"], "'role' can only be 'id'");
    e->id_role = role == "id";
  } else if (n["values"]) {
    if (auto s = LoadValues(ec, n, e); !s.ok()) return s;
  } else if (n["path"]) {
    e->kind = "path";
    if (auto s = CompileRegex(ec, n, "path", &e->path); !s.ok()) return s;
  } else if (n["shape"]) {
    e->kind = "shape";
    if (auto s = GetString(ec, n, "shape", true, &e->shape); !s.ok()) return s;
    if (!FindShape(e->shape))
      return ec.Error(n["shape"], "unknown shape '" + e->shape + "' (known: " + ShapeNames() + ")");
  } else if (n["format"]) {
    e->kind = "format";
    if (auto s = CompileRegex(ec, n, "format", &e->format); !s.ok()) return s;
  } else {
    e->kind = "rows";
    if (auto s = GetInt(ec, n, "min_rows", 1, &e->min_rows); !s.ok()) return s;
  }
  if (auto s = GetInt(ec, n, "max_rows", 0, &e->max_rows); !s.ok()) return s;
  if (n["headerless"]) {
    bool h = false;
    if (auto s = GetBool(ec, n, "headerless", &h); !s.ok()) return s;
    e->headerless = h ? 1 : 0;
  }
  std::set<std::string> known = {"id", "weight", "columns", "min_matches", "min_share", "role", "values", "min_fraction",
                                 "in", "unique", "min_distinct", "path", "shape", "format", "min_rows", "max_rows", "headerless"};
  known.insert(extra_keys.begin(), extra_keys.end());
  return CheckKeys(ec, n, known);
}

}  // namespace cg
