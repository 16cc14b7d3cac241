#include "rules/rule_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "detect/validators.h"
#include "rules/embedded_rules.h"
#include "rules/secret_rule_loader.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

// Carries the location for error messages while walking one pack.
struct Ctx {
  const std::string& file;
  std::string rule;  // current rule id, if any

  Status Error(const YAML::Node& at, const std::string& what) const {
    std::string where = file;
    if (at.IsDefined() && at.Mark().line >= 0) where += ":" + std::to_string(at.Mark().line + 1);
    std::string msg = where + ": ";
    if (!rule.empty()) msg += "rule '" + rule + "': ";
    return Status::InvalidArgument(msg + what);
  }
};

Status GetString(const Ctx& c, const YAML::Node& n, const char* key, bool required, std::string* out) {
  YAML::Node v = n[key];
  if (!v) return required ? c.Error(n, std::string("missing '") + key + "'") : Status::Ok();
  if (!v.IsScalar()) return c.Error(v, std::string("'") + key + "' must be a string");
  *out = v.Scalar();
  return Status::Ok();
}

Status GetDouble(const Ctx& c, const YAML::Node& n, const char* key, double lo, double hi, bool required,
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

Status GetInt(const Ctx& c, const YAML::Node& n, const char* key, int64_t lo, int64_t* out) {
  YAML::Node v = n[key];
  if (!v) return Status::Ok();
  int64_t i;
  if (!v.IsScalar() || !YAML::convert<int64_t>::decode(v, i))
    return c.Error(v, std::string("'") + key + "' must be a whole number");
  if (i < lo) return c.Error(v, std::string("'") + key + "' must be at least " + std::to_string(lo));
  *out = i;
  return Status::Ok();
}

Status CompilePatterns(const Ctx& c, const YAML::Node& list, ColumnPatterns* out) {
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
  if (!out->set->Compile()) return c.Error(list, "patterns could not be compiled together (too large)");
  return Status::Ok();
}

Status LoadEvidence(const Ctx& c, const YAML::Node& n, EvidenceRule* e) {
  if (!n.IsMap()) return c.Error(n, "each evidence entry must be a map");
  if (auto s = GetString(c, n, "id", true, &e->id); !s.ok()) return s;
  Ctx ec{c.file, c.rule + "' evidence '" + e->id};
  if (auto s = GetDouble(ec, n, "weight", 0.0, 1.0, true, &e->weight); !s.ok()) return s;
  int kinds = (n["columns"] ? 1 : 0) + (n["values"] ? 1 : 0) + (n["path"] ? 1 : 0);
  if (kinds != 1) return ec.Error(n, "needs exactly one of 'columns', 'values' or 'path'");
  if (n["columns"]) {
    e->kind = "columns";
    if (auto s = CompilePatterns(ec, n["columns"], &e->columns); !s.ok()) return s;
    int64_t m = 1;
    if (auto s = GetInt(ec, n, "min_matches", 1, &m); !s.ok()) return s;
    e->min_matches = static_cast<int>(m);
    std::string role;
    if (auto s = GetString(ec, n, "role", false, &role); !s.ok()) return s;
    if (!role.empty() && role != "id") return ec.Error(n["role"], "'role' can only be 'id'");
    e->id_role = role == "id";
  } else if (n["values"]) {
    e->kind = "values";
    if (auto s = GetString(ec, n, "values", true, &e->validator); !s.ok()) return s;
    if (!FindValidator(e->validator))
      return ec.Error(n["values"], "unknown validator '" + e->validator + "' (known: " + ValidatorNames() + ")");
    if (auto s = GetDouble(ec, n, "min_fraction", 0.0, 1.0, false, &e->min_fraction); !s.ok()) return s;
  } else {
    e->kind = "path";
    std::string pat;
    if (auto s = GetString(ec, n, "path", true, &pat); !s.ok()) return s;
    RE2::Options opts;
    opts.set_log_errors(false);
    e->path = std::make_unique<RE2>(pat, opts);
    if (!e->path->ok()) return ec.Error(n["path"], "pattern '" + pat + "' does not compile: " + e->path->error());
  }
  static const std::set<std::string> kKnown = {"id", "weight", "columns", "min_matches", "role",
                                                "values", "min_fraction", "path"};
  for (const auto& kv : n)
    if (!kKnown.count(kv.first.Scalar())) return ec.Error(kv.first, "unknown key '" + kv.first.Scalar() + "'");
  return Status::Ok();
}

Status LoadTable(Ctx c, const std::string& pack, const YAML::Node& n, TableRule* t) {
  if (!n.IsMap()) return c.Error(n, "each table rule must be a map");
  std::string name;
  if (auto s = GetString(c, n, "id", true, &name); !s.ok()) return s;
  t->id = name.find('.') == std::string::npos ? pack + "." + name : name;
  c.rule = t->id;
  if (auto s = GetString(c, n, "title", true, &t->title); !s.ok()) return s;
  if (auto s = GetString(c, n, "category", false, &t->category); !s.ok()) return s;
  std::string sev;
  if (auto s = GetString(c, n, "max_severity", false, &sev); !s.ok()) return s;
  if (!sev.empty() && !ParseSeverity(sev, &t->max_severity))
    return c.Error(n["max_severity"], "max_severity must be high, medium, low or info");
  if (n["attributes"]) t->use_attributes = n["attributes"].as<bool>();
  YAML::Node ev = n["evidence"];
  if (!ev || !ev.IsSequence() || ev.size() == 0) return c.Error(n, "'evidence' must be a non-empty list");
  std::set<std::string> seen;
  for (const auto& e : ev) {
    t->evidence.emplace_back();
    if (auto s = LoadEvidence(c, e, &t->evidence.back()); !s.ok()) return s;
    if (!seen.insert(t->evidence.back().id).second)
      return c.Error(e, "duplicate evidence id '" + t->evidence.back().id + "'");
  }
  return Status::Ok();
}

Status LoadScoring(const Ctx& c, const YAML::Node& n, ScoringPolicy* p) {
  if (!n.IsMap()) return c.Error(n, "'scoring' must be a map");
  if (auto s = GetDouble(c, n, "report_threshold", 0, 1, false, &p->report_threshold); !s.ok()) return s;
  if (auto s = GetDouble(c, n, "medium_threshold", 0, 1, false, &p->medium_threshold); !s.ok()) return s;
  if (auto s = GetDouble(c, n, "high_threshold", 0, 1, false, &p->high_threshold); !s.ok()) return s;
  if (auto s = GetInt(c, n, "example_max_rows", 0, &p->example_max_rows); !s.ok()) return s;
  if (auto s = GetInt(c, n, "few_max_rows", 0, &p->few_max_rows); !s.ok()) return s;
  int64_t sample = p->sample_rows;
  if (auto s = GetInt(c, n, "sample_rows", 1, &sample); !s.ok()) return s;
  p->sample_rows = static_cast<int>(sample);
  if (!(p->report_threshold <= p->medium_threshold && p->medium_threshold <= p->high_threshold))
    return c.Error(n, "thresholds must satisfy report_threshold <= medium_threshold <= high_threshold");
  return Status::Ok();
}

Status LoadPackNode(const RuleSource& src, const YAML::Node& root, RuleSet* into) {
  Ctx c{src.file, ""};
  if (!root.IsMap()) return c.Error(root, "a rule pack must be a map with a 'pack' name");
  RulePackInfo info;
  info.file = src.file;
  if (auto s = GetString(c, root, "pack", true, &info.name); !s.ok()) return s;
  if (auto s = GetString(c, root, "description", false, &info.description); !s.ok()) return s;
  static const std::set<std::string> kKnown = {"pack", "description", "tables", "attributes", "negative",
                                                "scoring", "secrets"};
  for (const auto& kv : root)
    if (!kKnown.count(kv.first.Scalar())) return c.Error(kv.first, "unknown key '" + kv.first.Scalar() + "'");
  std::set<std::string> ids;
  for (const auto& t : into->tables) ids.insert(t.id);
  if (YAML::Node tables = root["tables"]) {
    if (!tables.IsSequence()) return c.Error(tables, "'tables' must be a list");
    for (const auto& n : tables) {
      TableRule t;
      if (auto s = LoadTable(c, info.name, n, &t); !s.ok()) return s;
      if (!ids.insert(t.id).second) return c.Error(n, "duplicate rule id '" + t.id + "'");
      into->tables.push_back(std::move(t));
    }
  }
  if (YAML::Node attrs = root["attributes"]) {
    if (!attrs.IsSequence()) return c.Error(attrs, "'attributes' must be a list");
    for (const auto& n : attrs) {
      AttributeRule a;
      Ctx ac = c;
      if (auto s = GetString(ac, n, "id", true, &a.id); !s.ok()) return s;
      ac.rule = info.name + "." + a.id;
      if (auto s = GetDouble(ac, n, "weight", 0, 1, true, &a.weight); !s.ok()) return s;
      if (!n["columns"]) return ac.Error(n, "missing 'columns'");
      if (auto s = CompilePatterns(ac, n["columns"], &a.columns); !s.ok()) return s;
      into->attributes.push_back(std::move(a));
    }
  }
  if (YAML::Node negs = root["negative"]) {
    if (!negs.IsSequence()) return c.Error(negs, "'negative' must be a list");
    for (const auto& n : negs) {
      NegativeRule r;
      Ctx nc = c;
      if (auto s = GetString(nc, n, "id", true, &r.id); !s.ok()) return s;
      r.id = info.name + "." + r.id;
      nc.rule = r.id;
      if (auto s = GetString(nc, n, "title", true, &r.title); !s.ok()) return s;
      if (auto s = GetDouble(nc, n, "weight", 0, 1, true, &r.weight); !s.ok()) return s;
      int64_t m = 1;
      if (auto s = GetInt(nc, n, "min_matches", 1, &m); !s.ok()) return s;
      r.min_matches = static_cast<int>(m);
      if (!n["columns"]) return nc.Error(n, "missing 'columns'");
      if (auto s = CompilePatterns(nc, n["columns"], &r.columns); !s.ok()) return s;
      into->negatives.push_back(std::move(r));
    }
  }
  if (YAML::Node sec = root["secrets"]) {
    if (auto s = LoadSecretRules(src.file, info.name, sec, into); !s.ok()) return s;
  }
  if (YAML::Node sc = root["scoring"]) {
    if (auto s = LoadScoring(c, sc, &into->scoring); !s.ok()) return s;
  }
  into->packs.push_back(std::move(info));
  return Status::Ok();
}

}  // namespace

Status LoadRulePack(const RuleSource& source, RuleSet* into) {
  try {
    YAML::Node root = YAML::Load(source.text);
    return LoadPackNode(source, root, into);
  } catch (const YAML::Exception& e) {
    std::string where = source.file;
    if (e.mark.line >= 0) where += ":" + std::to_string(e.mark.line + 1);
    return Status::InvalidArgument(where + ": invalid YAML: " + e.msg);
  }
}

std::vector<RuleSource> DefaultRuleSources() {
  std::vector<RuleSource> out;
  for (const EmbeddedRuleFile* f = kEmbeddedRuleFiles; f->name; ++f)
    out.push_back({std::string("<built-in>/") + f->name, f->text});
  return out;
}

Expected<std::vector<RuleSource>> ReadRuleSources(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path().string());
    }
    if (ec) return Status::InvalidArgument(path + ": cannot list rule folder: " + ec.message());
    std::sort(files.begin(), files.end());
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    return Status::InvalidArgument(path + ": no such rule file or folder");
  }
  std::vector<RuleSource> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::InvalidArgument(f + ": cannot read rule file");
    std::ostringstream ss;
    ss << in.rdbuf();
    out.push_back({f, ss.str()});
  }
  return out;
}

Expected<RuleSet> LoadRules(bool no_defaults, const std::vector<std::string>& extra_paths) {
  RuleSet set;
  std::vector<RuleSource> sources;
  if (!no_defaults) sources = DefaultRuleSources();
  for (const auto& p : extra_paths) {
    auto more = ReadRuleSources(p);
    if (!more.ok()) return more.status();
    for (auto& s : *more) sources.push_back(std::move(s));
  }
  for (const auto& s : sources)
    if (auto st = LoadRulePack(s, &set); !st.ok()) return st;
  return set;
}

std::string NormaliseColumnName(const std::string& name) {
  size_t b = 0, e = name.size();
  while (b < e && std::isspace(static_cast<unsigned char>(name[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(name[e - 1]))) --e;
  if (e - b >= 2 && (name[b] == '"' || name[b] == '\'') && name[e - 1] == name[b]) { ++b; --e; }
  std::string out = name.substr(b, e - b);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return out;
}

bool ColumnPatterns::Matches(const std::string& normalised_name) const {
  if (!set) return false;
  std::vector<int> hits;
  return set->Match(normalised_name, &hits);
}

}  // namespace cg
