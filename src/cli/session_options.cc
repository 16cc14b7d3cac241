#include "cli/session_options.h"

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "engine/byte_size.h"
#include "policy/threshold.h"

namespace cg {
namespace po = boost::program_options;

void AddPolicyFlags(po::options_description& d, SessionFlags& f, ConfigScope scope) {
  d.add_options()
      ("config", po::value(&f.config)->value_name("FILE"),
       scope == ConfigScope::kWorkTree
           ? "configuration file (default: .cohortguard.yaml at the top of the work tree; user defaults are read first)"
           : "configuration file, read after the user defaults (never a file from the content scanned)")
      ("fail-on", po::value(&f.fail_on)->value_name("high|medium|low|never"),
       "block (exit 1) on a finding at or above this severity (default: fail_on in the configuration, else medium)");
}

void AddEngineFlags(po::options_description& d, SessionFlags& f) {
  d.add_options()
      ("rules", po::value(&f.rules)->composing()->value_name("PATH"), "extra rule file or folder (repeatable)")
      ("no-default-rules", po::bool_switch(&f.no_default_rules), "do not load the built-in rule packs")
      ("threads,j", po::value(&f.threads)->default_value(0)->value_name("N"), "worker threads; 0 uses every core")
      ("max-file-size", po::value(&f.max_file_size)->default_value(FormatSize(kDefaultMaxFileSize))->value_name("SIZE"),
       "the most a reader holds in memory (7z, databases, JSON arrays; larger ones are errors); text and streamed archives are read whole at any size (bytes; K, M, G suffixes)")
      ("idset", po::value(&f.idsets)->composing()->value_name("SET.cgid"),
       "id set to match id columns against (repeatable; see 'cohortguard idset')")
      ("idset-key", po::value(&f.idset_key)->value_name("FILE"), "key file the --idset sets were built with");
}

Status FillRequest(const SessionFlags& f, ConfigScope scope, ScanRequest* req) {
  PolicyOptions& policy = req->policy;
  if (auto st = LoadPolicyConfig(f.config, &policy, scope); !st.ok()) return st;
  if (!f.fail_on.empty())
    if (auto st = ParseThreshold(f.fail_on, "--fail-on", &policy.fail_on); !st.ok()) return st;
  policy.rule_paths.insert(policy.rule_paths.end(), f.rules.begin(), f.rules.end());
  policy.no_default_rules = policy.no_default_rules || f.no_default_rules;
  policy.allow_partial_clone = policy.allow_partial_clone || f.allow_partial_clone;
  if (f.threads < 0) return Status::InvalidArgument("--threads must be 0 or more");
  req->scan.threads = f.threads;
  if (!f.max_file_size.empty()) {
    auto size = ParseSize(f.max_file_size);
    if (!size.ok()) return Status::InvalidArgument("--max-file-size: " + size.status().message());
    req->scan.max_file_size = *size;
  }
  req->idsets.paths = f.idsets;
  req->idsets.key_file = f.idset_key;
  return Status::Ok();
}

int ExitCodeFor(const ScanOutcome& o) {
  if (!o.setup.ok()) return kExitUsage;
  if (o.incomplete) return kExitIncomplete;
  return o.blocking.empty() ? kExitClean : kExitFindings;
}

}  // namespace cg
