// cohortguard config show [--config FILE]: the effective configuration, as YAML, with where each
// value came from (a file and line, or the built-in default).
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "engine/config_files.h"

namespace cg {
namespace po = boost::program_options;

namespace {

std::string Origin(const PolicyOptions& p, const std::string& key) {
  auto it = p.set_at.find(key);
  return it == p.set_at.end() ? "default" : it->second;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

void List(const char* key, const std::vector<std::string>& values, std::ostream& out, const std::string& indent = "  ") {
  out << indent << key << ":";
  if (values.empty()) out << " []";
  for (const auto& v : values) out << "\n" << indent << "  - " << Quote(v);
  out << "\n";
}

// The push policy the hooks apply. The GitHub token is never printed, only whether one is set.
void ShowRemotes(const RemotePolicy& r, const std::string& origin, std::ostream& out) {
  out << "remotes:  # " << origin << "\n";
  List("public_hosts", r.public_hosts, out);
  List("public", r.public_patterns, out);
  List("private", r.private_patterns, out);
  List("internal", r.internal_patterns, out);
  out << "  fail_on:\n"
      << "    public: " << ThresholdName(r.public_fail_on) << "\n"
      << "    internal: " << ThresholdName(r.internal_fail_on) << "\n"
      << "    private: " << ThresholdName(r.private_fail_on) << "\n";
  out << "  public_max_table_rows: " << r.public_max_table_rows << (r.public_max_table_rows ? "" : "  # off") << "\n";
  out << "  github:\n"
      << "    visibility_check: " << (r.github_check ? "true" : "false") << "\n"
      << "    api: " << Quote(r.github.api_base) << (r.github_api_trusted ? "  # from COHORTGUARD_GITHUB_API" : "") << "\n";
  List("hosts", r.github_hosts, out, "    ");
  out << "    timeout_ms: " << r.github.timeout_ms << "\n"
      << "    cache_ttl: " << r.github.cache_ttl_s << "\n"
      << "    # token: " << (r.github.token.empty() ? "none" : "set (from GITHUB_TOKEN or GH_TOKEN)") << "\n";
}

void Show(const PolicyOptions& p, std::ostream& out) {
  out << "# effective cohortguard configuration\n";
  out << "# files read: ";
  if (p.files.empty()) out << "none (built-in defaults)";
  for (size_t i = 0; i < p.files.size(); ++i) out << (i ? ", " : "") << p.files[i];
  out << "\n# user defaults are looked for in " << (UserConfigPath().empty() ? "(no home folder)" : UserConfigPath())
      << "\n\n";
  out << "fail_on: " << ThresholdName(p.fail_on) << "  # " << Origin(p, "fail_on") << "\n";
  out << "rules:  # " << Origin(p, "rules") << "\n";
  List("paths", p.rule_paths, out);
  out << "  no_defaults: " << (p.no_default_rules ? "true" : "false") << "\n";
  List("disable", p.disabled_rules, out);
  out << "allowlist:" << (p.allowlist.empty() ? " []" : "") << "  # " << Origin(p, "allowlist") << "\n";
  for (const auto& e : p.allowlist) {
    out << "  - reason: " << Quote(e.reason) << "  # " << e.where << "\n";
    if (!e.path.empty()) out << "    path: " << Quote(e.path) << "\n";
    if (!e.blob.empty()) out << "    blob: " << e.blob << "\n";
    if (!e.sha256.empty()) out << "    sha256: " << e.sha256 << "\n";
    if (!e.rule.empty()) out << "    rule: " << Quote(e.rule) << "\n";
    if (!e.fingerprint.empty()) out << "    fingerprint: " << e.fingerprint << "\n";
    if (!e.expires.empty()) out << "    expires: " << e.expires << "\n";
  }
  out << "baseline: " << (p.baseline.empty() ? "null" : Quote(p.baseline)) << "  # " << Origin(p, "baseline") << "\n";
  out << "fingerprint_key: " << (p.fingerprint_key_file.empty() ? "null" : Quote(p.fingerprint_key_file)) << "  # "
      << Origin(p, "fingerprint_key") << "\n";
  out << "allow_partial_clone: " << (p.allow_partial_clone ? "true" : "false") << "  # "
      << Origin(p, "allow_partial_clone") << "\n";
  ShowRemotes(p.remotes, Origin(p, "remotes"), out);
}

po::options_description Describe(std::string* config) {
  po::options_description d("options");
  d.add_options()("help,h", "show this help")(
      "config", po::value(config)->value_name("FILE"),
      "configuration file (default: .cohortguard.yaml at the top of the work tree)");
  return d;
}

}  // namespace

po::options_description ConfigOptionsDescription() {
  static std::string unused;
  return Describe(&unused);
}

int RunConfigCommand(const std::vector<std::string>& args) {
  std::string config;
  po::options_description desc = Describe(&config);
  po::options_description hidden;
  std::string verb;
  hidden.add_options()("verb", po::value(&verb));
  po::positional_options_description pos;
  pos.add("verb", 1);
  po::variables_map vm;
  if (auto done = ParseCommandLine("config", args, desc, hidden, pos, &vm)) return *done;
  if (verb != "show") return UsageError("config: expected 'show' (see 'cohortguard config --help')");
  PolicyOptions p;
  if (auto st = LoadPolicyConfig(config, &p); !st.ok()) return UsageError(st.message());
  Show(p, std::cout);
  return kExitClean;
}

}  // namespace cg
