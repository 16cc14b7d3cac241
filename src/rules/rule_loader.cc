#include "rules/rule_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "rules/validators.h"
#include "rules/evidence_loader.h"
#include "rules/embedded_rules.h"
#include "rules/person_features.h"
#include "rules/rule_set_codec.h"
#include "rules/secret_rule_loader.h"

namespace cg {
namespace {

namespace fs = std::filesystem;

using Ctx = RuleContext;

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
  if (auto s = GetBool(c, n, "attributes", &t->use_attributes); !s.ok()) return s;
  int64_t min_columns = 1;
  if (auto s = GetInt(c, n, "min_columns", 0, &min_columns); !s.ok()) return s;
  t->min_columns = static_cast<int>(min_columns);
  if (auto s = CheckKeys(c, n, {"id", "title", "category", "max_severity", "attributes", "min_columns", "evidence"});
      !s.ok())
    return s;
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

Status LoadAttribute(const Ctx& c, const std::string& pack, const YAML::Node& n, AttributeRule* a) {
  if (!n.IsMap()) return c.Error(n, "each attribute must be a map");
  Ctx ac = c;
  if (auto s = GetString(ac, n, "id", true, &a->id); !s.ok()) return s;
  ac.rule = pack + "." + a->id;
  if (auto s = GetDouble(ac, n, "weight", 0, 1, true, &a->weight); !s.ok()) return s;
  if (!n["columns"]) return ac.Error(n, "missing 'columns'");
  if (auto s = CompilePatterns(ac, n["columns"], &a->columns); !s.ok()) return s;
  if (auto s = GetString(ac, n, "values", false, &a->validator); !s.ok()) return s;
  if (!a->validator.empty() && !FindValidator(a->validator))
    return ac.Error(n["values"], "unknown validator '" + a->validator + "' (known: " + ValidatorNames() + ")");
  if (auto s = GetDouble(ac, n, "value_weight", 0, 1, false, &a->value_weight); !s.ok()) return s;
  if (a->validator.empty() != (a->value_weight == 0))
    return ac.Error(n, "'values' and 'value_weight' go together");
  return CheckKeys(ac, n, {"id", "weight", "columns", "values", "value_weight"});
}

Status LoadSmallCells(const Ctx& c, const std::string& pack, const YAML::Node& n, SmallCellsPolicy* p) {
  Ctx sc{c.file, pack + ".small-cells"};
  if (!n.IsMap()) return sc.Error(n, "'small_cells' must be a map");
  p->enabled = true;
  p->rule = sc.rule;
  if (auto s = GetInt(sc, n, "threshold", 1, &p->threshold); !s.ok()) return s;
  if (auto s = GetBool(sc, n, "zeros", &p->zeros); !s.ok()) return s;
  if (!n["columns"]) return sc.Error(n, "missing 'columns' (the count columns)");
  if (auto s = CompilePatterns(sc, n["columns"], &p->columns); !s.ok()) return s;
  if (YAML::Node nw = n["not_with"]) {
    if (!nw.IsSequence()) return sc.Error(nw, "'not_with' must be a list of negative rule ids");
    for (const auto& id : nw) {
      if (!id.IsScalar()) return sc.Error(id, "'not_with' must be a list of negative rule ids");
      p->not_with.push_back(id.Scalar().find('.') == std::string::npos ? pack + "." + id.Scalar() : id.Scalar());
    }
  }
  return CheckKeys(sc, n, {"threshold", "zeros", "columns", "not_with"});
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
  if (p->example_max_rows > p->few_max_rows) return c.Error(n, "example_max_rows must not exceed few_max_rows");
  return CheckKeys(c, n, {"report_threshold", "medium_threshold", "high_threshold", "example_max_rows",
                          "few_max_rows", "sample_rows"});
}

Status LoadPersonModel(const Ctx& c, const YAML::Node& n, PersonModel* m) {
  Ctx mc{c.file, "person_model"};
  if (!n.IsMap()) return mc.Error(n, "'person_model' must be a map");
  if (auto s = CheckKeys(mc, n, {"rule", "intercept", "coefficients", "signals", "fitted"}); !s.ok()) return s;
  *m = PersonModel{};
  m->enabled = true;
  m->coefficients.assign(kPersonFeatureCount, 0.0);
  if (auto s = GetString(mc, n, "rule", true, &m->rule); !s.ok()) return s;
  if (auto s = GetString(mc, n, "fitted", false, &m->fitted); !s.ok()) return s;
  if (auto s = GetDouble(mc, n, "intercept", -100, 100, true, &m->intercept); !s.ok()) return s;
  YAML::Node co = n["coefficients"];
  if (!co || !co.IsMap()) return mc.Error(n, "'coefficients' must be a map of feature name to weight");
  for (const auto& kv : co) {
    const int i = PersonFeatureIndex(kv.first.Scalar());
    if (i < 0) {
      std::string known;
      for (const auto& f : kPersonFeatures) known += (known.empty() ? "" : ", ") + std::string(f.name);
      return mc.Error(kv.first, "unknown feature '" + kv.first.Scalar() + "' (known: " + known + ")");
    }
    if (auto s = GetDouble(mc, co, kv.first.Scalar().c_str(), -100, 100, true, &m->coefficients[i]); !s.ok()) return s;
  }
  YAML::Node sig = n["signals"];
  if (!sig || !sig.IsMap()) return mc.Error(n, "'signals' must be a map of column pattern lists");
  if (auto s = CheckKeys(mc, sig, {"id_columns", "subject_columns", "aggregate_columns", "facility_columns",
                                   "vocabulary_columns"});
      !s.ok())
    return s;
  const std::pair<const char*, ColumnPatterns*> lists[] = {{"id_columns", &m->id_columns},
                                                          {"subject_columns", &m->subject_columns},
                                                          {"aggregate_columns", &m->aggregate_columns},
                                                          {"facility_columns", &m->facility_columns},
                                                          {"vocabulary_columns", &m->vocabulary_columns}};
  for (const auto& [key, out] : lists) {
    if (!sig[key]) return mc.Error(sig, std::string("missing '") + key + "'");
    if (auto s = CompilePatterns(mc, sig[key], out); !s.ok()) return s;
  }
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
                                                "scoring", "small_cells", "secrets", "person_model"};
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
      if (auto s = LoadAttribute(c, info.name, n, &a); !s.ok()) return s;
      into->attributes.push_back(std::move(a));
    }
  }
  if (YAML::Node negs = root["negative"]) {
    if (!negs.IsSequence()) return c.Error(negs, "'negative' must be a list");
    for (const auto& n : negs) {
      NegativeRule r;
      Ctx nc{c.file, info.name + "."};
      if (auto s = LoadEvidence(nc, n, &r.match, {"title"}); !s.ok()) return s;
      nc.rule += r.match.id;
      if (auto s = GetString(nc, n, "title", true, &r.title); !s.ok()) return s;
      r.id = info.name + "." + r.match.id;
      r.weight = r.match.weight;
      into->negatives.push_back(std::move(r));
    }
  }
  if (YAML::Node sec = root["secrets"]) {
    if (auto s = LoadSecretRules(src.file, info.name, sec, src.built_in, into); !s.ok()) return s;
  }
  if (YAML::Node sc = root["small_cells"]) {
    if (auto s = LoadSmallCells(c, info.name, sc, &into->small_cells); !s.ok()) return s;
  }
  if (YAML::Node pm = root["person_model"]) {
    if (auto s = LoadPersonModel(c, pm, &into->person); !s.ok()) return s;
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
    out.push_back({std::string("<built-in>/") + f->name, f->text, true});
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
  // The built-in packs as the build loaded them; from their YAML where the build made no bytes
  // (tools/build_rule_set.cc, which makes them).
  if (!no_defaults && kBuiltInRuleSetBytes.empty()) sources = DefaultRuleSources();
  else if (!no_defaults)
    if (auto st = DecodeRuleSet(kBuiltInRuleSetBytes, &set); !st.ok()) return st;
  for (const auto& p : extra_paths) {
    auto more = ReadRuleSources(p);
    if (!more.ok()) return more.status();
    for (auto& s : *more) sources.push_back(std::move(s));
  }
  for (const auto& s : sources)
    if (auto st = LoadRulePack(s, &set); !st.ok()) return st;
  if (set.person.enabled &&
      std::none_of(set.tables.begin(), set.tables.end(), [&](const TableRule& t) { return t.id == set.person.rule; }))
    return Status::InvalidArgument("person_model: rule '" + set.person.rule + "' is not a table rule of the loaded packs");
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

}  // namespace cg
