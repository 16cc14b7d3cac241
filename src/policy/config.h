// PolicyOptions: what decides whether findings block — fail-on threshold, which rules, the
// allowlist, the baseline, the push policy per remote class — filled first from
// `.cohortguard.yaml`, then from the command line (ARCHITECTURE habit 4: the YAML and
// program_options fill the same plain struct). `scan`, the hooks and `remote classify` all read
// it, so one file says what blocks everywhere.
//
// The config file is a map of sections, each loaded by one entry of a table in config.cc
// (`fail_on`, `rules`, `allowlist`, `baseline`, `remotes`); a new section is a new entry and a
// new field here. Unknown keys are errors. Schema: README "Configuration".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "policy/remote_policy.h"

namespace cg {

// One allowlist entry. Every key given must match (they combine with "and"); at least one of
// path, blob, sha256, rule, fingerprint is required, and so is `reason`.
struct AllowEntry {
  std::string path;         // glob (policy/path_glob), relative to the top of the work tree
  std::string blob;         // git blob id of the outer file (`git hash-object FILE`), 40 hex
  std::string sha256;       // SHA-256 of the outer file's bytes, 64 hex
  std::string rule;         // rule id; `*` matches any run of characters (`secrets.*`)
  std::string fingerprint;  // one finding, as reports print it
  std::string reason;       // why this is fine (mandatory)
  std::string expires;      // YYYY-MM-DD: the entry applies through that day, then stops
  std::string where;        // "file:line", for messages
};

struct PolicyOptions {
  Threshold fail_on = Severity::kMedium;      // fail_on: high | medium | low | never
  std::vector<std::string> rule_paths;        // extra rule files or folders
  bool no_default_rules = false;
  std::vector<std::string> disabled_rules;    // rule ids left out of the scan
  std::vector<AllowEntry> allowlist;
  std::string baseline;                       // a JSON report: its findings are not reported again
  // `fingerprint_key`: a key file (16+ bytes, e.g. openssl rand -hex 32) that keys secret
  // fingerprints, shared by the machines that share a baseline and kept out of the repository.
  // COHORTGUARD_FINGERPRINT_KEY_FILE in the environment wins. "": values are left out of them.
  std::string fingerprint_key_file;
  bool show_suppressed = false;               // list suppressed findings in the report
  // `inline_allow`: `cohortguard:allow` markers in the scanned content suppress findings. True
  // where the content is the user's own (scan, pre-commit, pre-push); false by default where it
  // is someone else's (pre-receive, sweep: engine/config_files), unless their config says so.
  bool inline_allow = true;
  // `allow_partial_clone`: in a partial clone (git clone --filter), the objects git has not
  // fetched are expected. They are still listed under skipped, each by path and commit, and
  // counted in a warning, but they do not make the scan incomplete (exit 3). A push to a
  // public remote ignores it (hooks/pre-push: those objects would leave unread).
  bool allow_partial_clone = false;
  // `remotes`: which remotes are public/internal/private and what blocks a push to each
  // (policy/remote_policy.h). Starts from the built-in defaults (which read GITHUB_TOKEN).
  RemotePolicy remotes = DefaultRemotePolicy();
  std::string root;                           // folder allowlist paths are relative to
  std::string file;                           // the last config file read, if any
  std::vector<std::string> files;             // every config file read, in order
  // Where each top-level key was last set ("file:line"); a key missing here has its default.
  std::map<std::string, std::string> set_at;
};

// Reads a config file into `into`; relative paths in it (rule paths, baseline) are taken
// relative to the file's folder, which also becomes `root`. Errors name file and line.
Status LoadConfigFile(const std::string& file, PolicyOptions* into);

// The same from text already in memory (`file` is used for messages and relative paths).
Status LoadConfigText(const std::string& file, const std::string& text, PolicyOptions* into);

// True for a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& text);

}  // namespace cg
