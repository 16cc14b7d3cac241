#include <iostream>

#include "cli/command.h"

namespace cg {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"scan", "scan files, folders or git history for participant data and secrets", RunScanCommand,
       ScanOptionsDescription, "cohortguard scan [PATH ...] [options]"},
      {"rules", "list, validate or test rule packs", RunRulesCommand, RulesOptionsDescription,
       "cohortguard rules list [--rules PATH]... [--no-default-rules]\ncohortguard rules validate PATH...\n"
       "cohortguard rules test [PATH...]",
       "list validate test"},
      {"config", "show the effective configuration and where each value came from", RunConfigCommand,
       ConfigOptionsDescription, "cohortguard config show [--config FILE]", "show"},
      {"hook", "install git hooks, or run as one (pre-commit, pre-push, pre-receive)", RunHookCommand,
       HookOptionsDescription,
       "cohortguard hook install [--pre-commit] [--pre-push] [--pre-receive] [--force]\n"
       "cohortguard hook pre-commit [FILE...] [--config FILE] [--fail-on SEVERITY]\n"
       "cohortguard hook pre-push REMOTE URL [--config FILE]    (ref lines on stdin)\n"
       "cohortguard hook pre-receive [--config FILE] [--fail-on SEVERITY] [--timeout SECONDS] [--on-timeout block|allow]",
       "install pre-commit pre-push pre-receive"},
      {"remote", "classify a git remote URL as public, internal or private (the push policy's view)", RunRemoteCommand,
       RemoteOptionsDescription,
       "cohortguard remote classify URL|REMOTE... [--config FILE] [--check-visibility]", "classify"},
      {"sweep", "scan the whole history of every git mirror below a folder, incrementally", RunSweepCommand,
       SweepOptionsDescription,
       "cohortguard sweep MIRRORS_DIR [--state DB] [--shard K/N|auto] [--report new|all] [options]\n"
       "cohortguard sweep mirror MIRRORS_DIR (--org NAME | --user NAME)... [--api URL] [--budget SECONDS]"},
      {"idset", "build keyed-hash participant id sets for leak attribution", RunIdsetCommand, IdsetOptionsDescription,
       "cohortguard idset build --ids FILE --key-file KEY --label LABEL -o OUT.cgid\ncohortguard idset info FILE.cgid",
       "build info"},
      {"report", "combine reports: report merge (shard reports of a sweep)", RunReportCommand, ReportOptionsDescription,
       "cohortguard report merge REPORT... [--format F] [-o OUT]", "merge"},
      {"version", "print the version", RunVersionCommand},
      {"help", "show help for a command (help COMMAND), or generate the man page and shell completion",
       RunHelpCommand, nullptr, "cohortguard help [COMMAND]\ncohortguard help --man\ncohortguard help --completion bash|zsh"},
  };
  return commands;
}

const Command* FindCommand(const std::string& name) {
  for (const auto& c : Commands())
    if (name == c.name) return &c;
  return nullptr;
}

int UsageError(const std::string& message) {
  std::cerr << "cohortguard: " << message << "\n";
  return kExitUsage;
}

int RunVersionCommand(const std::vector<std::string>&) {
  std::cout << "cohortguard " << COHORTGUARD_VERSION << "\n";
  return kExitClean;
}

}  // namespace cg
