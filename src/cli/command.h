// Subcommands: one file each, dispatched from the table in cli/commands.cc.
#pragma once

#include <string>
#include <vector>

namespace cg {

// Exit status, as INTERFACE.md fixes it.
enum ExitCode : int {
  kExitClean = 0,         // nothing at or above --fail-on
  kExitFindings = 1,      // findings at or above --fail-on
  kExitUsage = 2,         // usage or configuration error
  kExitIncomplete = 3,    // the scan could not complete; what was found is still reported
};

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  const char* name;
  const char* summary;
  CommandFn run;
};

const std::vector<Command>& Commands();
const Command* FindCommand(const std::string& name);

int RunScanCommand(const std::vector<std::string>& args);
int RunRulesCommand(const std::vector<std::string>& args);
int RunVersionCommand(const std::vector<std::string>& args);

// Prints "cohortguard: <message>" to stderr and returns kExitUsage.
int UsageError(const std::string& message);

}  // namespace cg
