// The command-line side of a ScanSession (engine/scan_session): the options that scan, sweep
// and the hooks share, each defined once here (so help, the man page and completions describe
// them alike), how they fill a ScanRequest over the configuration files, and how an outcome
// becomes an exit code.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options/options_description.hpp>

#include "core/status.h"
#include "engine/config_files.h"
#include "engine/scan_session.h"

namespace cg {

struct SessionFlags {
  std::string config;
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::string fail_on;  // "" unless given: then `fail_on` from the configuration decides
  int threads = 0;
  std::string max_file_size;
  std::vector<std::string> idsets;
  std::string idset_key;
  bool allow_partial_clone = false;
};

// --config (described for `scope`) and --fail-on (every entry point).
void AddPolicyFlags(boost::program_options::options_description& d, SessionFlags& f, ConfigScope scope);
// --rules, --no-default-rules, --threads, --max-file-size, --idset, --idset-key (scan, sweep).
void AddEngineFlags(boost::program_options::options_description& d, SessionFlags& f);

// Loads the configuration files for `scope` (engine/config_files), then applies the flags over
// them: request->policy and request->scan (threads, max_file_size) and request->idsets.
// InvalidArgument names the flag or the file and line.
Status FillRequest(const SessionFlags& flags, ConfigScope scope, ScanRequest* request);

// 2: setup failed; 3: incomplete (what was found is still reported); 1: something blocks; 0.
int ExitCodeFor(const ScanOutcome& outcome);

}  // namespace cg
