#include "policy/config.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

namespace cg {
namespace {

namespace fs = std::filesystem;

struct Ctx {
  const std::string& file;
  std::string dir;  // the file's folder, for relative paths

  std::string Where(const YAML::Node& at) const {
    if (at.IsDefined() && at.Mark().line >= 0) return file + ":" + std::to_string(at.Mark().line + 1);
    return file;
  }
  Status Error(const YAML::Node& at, const std::string& what) const {
    return Status::InvalidArgument(Where(at) + ": " + what);
  }
  std::string Resolve(const std::string& p) const {
    return fs::path(p).is_absolute() || dir.empty() ? p : (fs::path(dir) / p).lexically_normal().string();
  }
};

Status Scalar(const Ctx& c, const YAML::Node& n, const std::string& what, std::string* out) {
  if (!n.IsScalar()) return c.Error(n, "'" + what + "' must be a string");
  *out = n.Scalar();
  return Status::Ok();
}

Status Bool(const Ctx& c, const YAML::Node& n, const std::string& what, bool* out) {
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, *out)) return c.Error(n, "'" + what + "' must be true or false");
  return Status::Ok();
}

Status StringList(const Ctx& c, const YAML::Node& n, const std::string& what, std::vector<std::string>* out) {
  if (n.IsScalar()) {
    out->push_back(n.Scalar());
    return Status::Ok();
  }
  if (!n.IsSequence()) return c.Error(n, "'" + what + "' must be a list of strings");
  for (const auto& e : n) {
    std::string s;
    if (auto st = Scalar(c, e, what, &s); !st.ok()) return st;
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

bool IsHex(const std::string& s, size_t len) {
  if (s.size() != len) return false;
  for (unsigned char ch : s)
    if (!std::isxdigit(ch)) return false;
  return true;
}

std::string LowerHex(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

Status LoadFailOn(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  std::string v;
  if (auto s = Scalar(c, n, "fail_on", &v); !s.ok()) return s;
  if (auto s = ParseThreshold(v, "'fail_on'", &o->fail_on); !s.ok()) return c.Error(n, s.message());
  return Status::Ok();
}

// rules: {paths: [...], no_defaults: bool, disable: [rule ids]}
Status LoadRulesSection(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  if (!n.IsMap()) return c.Error(n, "'rules' must be a map with 'paths', 'no_defaults' or 'disable'");
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (key == "paths") {
      std::vector<std::string> paths;
      if (auto s = StringList(c, kv.second, "rules.paths", &paths); !s.ok()) return s;
      for (const auto& p : paths) o->rule_paths.push_back(c.Resolve(p));
    } else if (key == "no_defaults") {
      if (auto s = Bool(c, kv.second, "rules.no_defaults", &o->no_default_rules); !s.ok()) return s;
    } else if (key == "disable") {
      if (auto s = StringList(c, kv.second, "rules.disable", &o->disabled_rules); !s.ok()) return s;
    } else {
      return c.Error(kv.first, "unknown key 'rules." + key + "' (known: paths, no_defaults, disable)");
    }
  }
  return Status::Ok();
}

Status LoadAllowEntry(const Ctx& c, const YAML::Node& n, AllowEntry* e) {
  if (!n.IsMap()) return c.Error(n, "each allowlist entry must be a map");
  e->where = c.Where(n);
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    std::string* field = key == "path" ? &e->path : key == "blob" ? &e->blob : key == "sha256" ? &e->sha256
                       : key == "rule" ? &e->rule : key == "fingerprint" ? &e->fingerprint
                       : key == "reason" ? &e->reason : key == "expires" ? &e->expires : nullptr;
    if (!field)
      return c.Error(kv.first, "allowlist entry: unknown key '" + key +
                                   "' (known: path, blob, sha256, rule, fingerprint, reason, expires)");
    if (auto s = Scalar(c, kv.second, "allowlist." + key, field); !s.ok()) return s;
    if (field->empty()) return c.Error(kv.second, "allowlist entry: '" + key + "' is empty");
  }
  if (e->path.empty() && e->blob.empty() && e->sha256.empty() && e->rule.empty() && e->fingerprint.empty())
    return c.Error(n, "allowlist entry needs at least one of path, blob, sha256, rule, fingerprint");
  if (e->reason.empty()) return c.Error(n, "allowlist entry needs a 'reason' (why is this fine?)");
  if (!e->blob.empty() && !IsHex(e->blob, 40))
    return c.Error(n["blob"], "allowlist entry: 'blob' must be a 40-character git blob id (git hash-object FILE)");
  if (!e->sha256.empty() && !IsHex(e->sha256, 64))
    return c.Error(n["sha256"], "allowlist entry: 'sha256' must be 64 hexadecimal characters");
  e->blob = LowerHex(e->blob);
  e->sha256 = LowerHex(e->sha256);
  if (!e->expires.empty() && !IsIsoDate(e->expires))
    return c.Error(n["expires"], "allowlist entry: 'expires' must be a date written YYYY-MM-DD, not '" + e->expires + "'");
  return Status::Ok();
}

Status LoadAllowlist(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  if (!n.IsSequence()) return c.Error(n, "'allowlist' must be a list of entries");
  for (const auto& e : n) {
    AllowEntry entry;
    if (auto s = LoadAllowEntry(c, e, &entry); !s.ok()) return s;
    o->allowlist.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status LoadBaselineKey(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  std::string v;
  if (auto s = Scalar(c, n, "baseline", &v); !s.ok()) return s;
  o->baseline = c.Resolve(v);
  return Status::Ok();
}

Status LoadFingerprintKey(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  std::string v;
  if (auto s = Scalar(c, n, "fingerprint_key", &v); !s.ok()) return s;
  o->fingerprint_key_file = c.Resolve(v);
  return Status::Ok();
}

// remotes: the push policy (parsed by policy/remote_policy, which names "remotes.KEY" in errors).
Status LoadRemotes(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  return ParseRemotePolicy(n, c.file, &o->remotes);
}

// inline_allow: true | false — whether `cohortguard:allow` markers in the scanned content
// suppress findings (the default is the caller's: engine/config_files).
Status LoadInlineAllow(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  const std::string v = n.IsScalar() ? n.Scalar() : "";
  if (v != "true" && v != "false") return c.Error(n, "'inline_allow' must be true or false");
  o->inline_allow = v == "true";
  return Status::Ok();
}

// allow_partial_clone: true | false (see PolicyOptions).
Status LoadAllowPartialClone(const Ctx& c, const YAML::Node& n, PolicyOptions* o) {
  const std::string v = n.IsScalar() ? n.Scalar() : "";
  if (v != "true" && v != "false") return c.Error(n, "'allow_partial_clone' must be true or false");
  o->allow_partial_clone = v == "true";
  return Status::Ok();
}

// One entry per top-level key: a new section is one more line here.
struct Section {
  const char* key;
  Status (*load)(const Ctx&, const YAML::Node&, PolicyOptions*);
};
constexpr Section kSections[] = {
    {"fail_on", LoadFailOn},
    {"rules", LoadRulesSection},
    {"allowlist", LoadAllowlist},
    {"baseline", LoadBaselineKey},
    {"fingerprint_key", LoadFingerprintKey},
    {"remotes", LoadRemotes},
    {"inline_allow", LoadInlineAllow},
    {"allow_partial_clone", LoadAllowPartialClone},
};

std::string SectionNames() {
  std::string out;
  for (const auto& s : kSections) out += (out.empty() ? "" : ", ") + std::string(s.key);
  return out;
}

}  // namespace

bool IsIsoDate(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  const int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

Status LoadConfigText(const std::string& file, const std::string& text, PolicyOptions* into) {
  Ctx c{file, fs::path(file).parent_path().string()};
  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) return Status::Ok();  // an empty file is a valid, empty config
    if (!root.IsMap()) return c.Error(root, "a cohortguard config must be a map (keys: " + SectionNames() + ")");
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      const Section* section = nullptr;
      for (const auto& s : kSections)
        if (key == s.key) section = &s;
      if (!section) return c.Error(kv.first, "unknown key '" + key + "' (known: " + SectionNames() + ")");
      if (auto s = section->load(c, kv.second, into); !s.ok()) return s;
      into->set_at[key] = c.Where(kv.first);
    }
  } catch (const YAML::Exception& e) {
    std::string where = file;
    if (e.mark.line >= 0) where += ":" + std::to_string(e.mark.line + 1);
    return Status::InvalidArgument(where + ": invalid YAML: " + e.msg);
  }
  into->file = file;
  into->files.push_back(file);
  into->root = c.dir.empty() ? "." : c.dir;
  return Status::Ok();
}

Status LoadConfigFile(const std::string& file, PolicyOptions* into) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::InvalidArgument(file + ": cannot read config file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return LoadConfigText(file, ss.str(), into);
}

}  // namespace cg
