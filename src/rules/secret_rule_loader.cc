#include "rules/secret_rule_loader.h"

#include <set>

namespace cg {
namespace {

std::string Where(const std::string& file, const YAML::Node& at) {
  if (at.IsDefined() && at.Mark().line >= 0) return file + ":" + std::to_string(at.Mark().line + 1);
  return file;
}

struct RuleCtx {
  const std::string& file;
  std::string rule;
  Status Error(const YAML::Node& at, const std::string& what) const {
    std::string msg = Where(file, at) + ": ";
    if (!rule.empty()) msg += "rule '" + rule + "': ";
    return Status::InvalidArgument(msg + what);
  }
};

Status ScalarString(const RuleCtx& c, const YAML::Node& n, const char* key, std::string* out) {
  YAML::Node v = n[key];
  if (!v) return Status::Ok();
  if (!v.IsScalar()) return c.Error(v, std::string("'") + key + "' must be a string");
  *out = v.Scalar();
  return Status::Ok();
}

Status ScalarDouble(const RuleCtx& c, const YAML::Node& n, const char* key, double lo, double hi, double* out) {
  YAML::Node v = n[key];
  if (!v) return Status::Ok();
  double d;
  if (!v.IsScalar() || !YAML::convert<double>::decode(v, d) || d < lo || d > hi)
    return c.Error(v, std::string("'") + key + "' must be a number between " + std::to_string(lo) + " and " +
                          std::to_string(hi));
  *out = d;
  return Status::Ok();
}

// A built-in pattern is compiled when first used (see SecretPattern); a user's now, to report it.
Status AddPattern(const RuleCtx& c, const YAML::Node& n, bool built_in, SecretRule* r) {
  if (!n.IsScalar()) return c.Error(n, "a pattern must be a string");
  r->patterns.emplace_back(n.Scalar());
  if (built_in) return Status::Ok();
  const RE2& re = r->patterns.back().re();
  if (!re.ok()) return c.Error(n, "pattern does not compile: " + re.error());
  return Status::Ok();
}

Status LoadExamples(const RuleCtx& c, const YAML::Node& examples, bool should_match, SecretRule* r) {
  const char* key = should_match ? "match" : "no_match";
  YAML::Node list = examples[key];
  if (!list || !list.IsSequence() || list.size() == 0)
    return c.Error(list ? list : examples, std::string("'examples' needs a non-empty '") + key + "' list");
  for (const auto& e : list) {
    SecretExample ex;
    ex.should_match = should_match;
    ex.where = Where(c.file, e);
    if (e.IsScalar()) {
      ex.text = e.Scalar();
    } else if (e.IsMap() && e["text"] && e["text"].IsScalar()) {
      ex.text = e["text"].Scalar();
      if (auto s = ScalarString(c, e, "path", &ex.path); !s.ok()) return s;
    } else {
      return c.Error(e, "an example is a string or a map with 'text' (and optional 'path')");
    }
    if (ex.path.empty()) ex.path = "example.txt";
    r->examples.push_back(std::move(ex));
  }
  return Status::Ok();
}

Status LoadOne(const std::string& file, const std::string& pack, const YAML::Node& n, bool built_in, SecretRule* r) {
  RuleCtx c{file, ""};
  if (!n.IsMap()) return c.Error(n, "each secret rule must be a map");
  std::string name;
  if (auto s = ScalarString(c, n, "id", &name); !s.ok()) return s;
  if (name.empty()) return c.Error(n, "missing 'id'");
  r->id = name.find('.') == std::string::npos ? pack + "." + name : name;
  r->where = Where(file, n);
  c.rule = r->id;
  static const std::set<std::string> kKnown = {"id", "title", "severity", "confidence", "pattern", "patterns",
                                                "path", "min_entropy", "min_classes", "examples"};
  for (const auto& kv : n)
    if (!kKnown.count(kv.first.Scalar())) return c.Error(kv.first, "unknown key '" + kv.first.Scalar() + "'");
  if (auto s = ScalarString(c, n, "title", &r->title); !s.ok()) return s;
  if (r->title.empty()) return c.Error(n, "missing 'title'");
  std::string sev;
  if (auto s = ScalarString(c, n, "severity", &sev); !s.ok()) return s;
  if (!sev.empty() && !ParseSeverity(sev, &r->severity))
    return c.Error(n["severity"], "severity must be high, medium, low or info");
  if (auto s = ScalarDouble(c, n, "confidence", 0, 1, &r->confidence); !s.ok()) return s;
  if (auto s = ScalarDouble(c, n, "min_entropy", 0, 8, &r->min_entropy); !s.ok()) return s;
  double classes = 0;
  if (auto s = ScalarDouble(c, n, "min_classes", 0, 4, &classes); !s.ok()) return s;
  r->min_classes = static_cast<int>(classes);

  if (n["pattern"] && n["patterns"]) return c.Error(n, "give 'pattern' or 'patterns', not both");
  if (YAML::Node p = n["pattern"]) {
    if (auto s = AddPattern(c, p, built_in, r); !s.ok()) return s;
  } else if (YAML::Node ps = n["patterns"]) {
    if (!ps.IsSequence() || ps.size() == 0) return c.Error(ps, "'patterns' must be a non-empty list");
    for (const auto& p : ps)
      if (auto s = AddPattern(c, p, built_in, r); !s.ok()) return s;
  } else {
    return c.Error(n, "missing 'pattern'");
  }
  std::string path;
  if (auto s = ScalarString(c, n, "path", &path); !s.ok()) return s;
  if (!path.empty()) {
    RE2::Options opts;
    opts.set_log_errors(false);
    r->path = std::make_unique<RE2>(path, opts);
    if (!r->path->ok()) return c.Error(n["path"], "path pattern does not compile: " + r->path->error());
  }
  YAML::Node ex = n["examples"];
  if (!ex || !ex.IsMap()) return c.Error(ex ? ex : n, "'examples' must be a map with 'match' and 'no_match' lists");
  for (const auto& kv : ex)
    if (kv.first.Scalar() != "match" && kv.first.Scalar() != "no_match")
      return c.Error(kv.first, "unknown key '" + kv.first.Scalar() + "' in 'examples'");
  if (auto s = LoadExamples(c, ex, true, r); !s.ok()) return s;
  if (auto s = LoadExamples(c, ex, false, r); !s.ok()) return s;
  return Status::Ok();
}

}  // namespace

Status LoadSecretRules(const std::string& file, const std::string& pack, const YAML::Node& section, bool built_in,
                       RuleSet* into) {
  RuleCtx c{file, ""};
  if (!section.IsSequence()) return c.Error(section, "'secrets' must be a list");
  std::set<std::string> ids;
  for (const auto& r : into->secrets) ids.insert(r.id);
  for (const auto& n : section) {
    SecretRule r;
    if (auto s = LoadOne(file, pack, n, built_in, &r); !s.ok()) return s;
    if (!ids.insert(r.id).second) return c.Error(n, "duplicate rule id '" + r.id + "'");
    into->secrets.push_back(std::move(r));
  }
  return Status::Ok();
}

}  // namespace cg
