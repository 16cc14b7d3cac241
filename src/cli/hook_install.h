// `cohortguard hook install`: writes the shims (cli/hook_shims.h) into a repository's hooks
// folder, wherever core.hooksPath puts it.
//
// A hook that is not a cohortguard shim is never overwritten silently: without `force` install
// refuses and says how to proceed; with `force` the old hook is renamed to NAME.cohortguard-
// chained and the shim runs it after its own check. Our own shims are rewritten (updated).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace cg {

struct HookInstallOptions {
  std::string repo_path = ".";
  std::vector<std::string> hooks;  // "pre-commit", "pre-push", "pre-receive"
  bool force = false;
  std::string binary;              // what the shim runs; empty: this executable
};

// The hooks folder of the repository at `repo_path`: core.hooksPath (relative to the work tree
// top, or to the git dir of a bare repository; "~/" expanded) or GIT_COMMON_DIR/hooks.
Expected<std::string> HooksDirectory(const std::string& repo_path);

// Installs each hook; `messages` gets one line per hook ("installed ...", "updated ...",
// "kept the existing hook as ..."). Stops at the first refusal or error (InvalidArgument for a
// foreign hook without force, IoError for a file system failure).
Status InstallHooks(const HookInstallOptions& options, std::vector<std::string>* messages);

}  // namespace cg
