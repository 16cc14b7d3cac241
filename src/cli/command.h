// Subcommands: one file each, dispatched from the table in cli/commands.cc.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <boost/program_options/options_description.hpp>

namespace cg {

// Exit status, as INTERFACE.md fixes it.
enum ExitCode : int {
  kExitClean = 0,         // nothing at or above --fail-on
  kExitFindings = 1,      // findings at or above --fail-on
  kExitUsage = 2,         // usage or configuration error
  kExitIncomplete = 3,    // the scan could not complete; what was found is still reported
};

using CommandFn = int (*)(const std::vector<std::string>& args);
// The command's options, for --help, the man page and shell completion (cli/help_command.cc).
// Value names with '|' ("high|medium|low") list the accepted values; FILE and PATH complete files.
using OptionsFn = boost::program_options::options_description (*)();

struct Command {
  const char* name;
  const char* summary;
  CommandFn run;
  OptionsFn options = nullptr;
  const char* synopsis = nullptr;     // usage lines without "usage: "; default "cohortguard NAME"
  const char* subcommands = nullptr;  // space-separated words completed after NAME
  bool hidden = false;                // left out of --help and the man page
};

const std::vector<Command>& Commands();
const Command* FindCommand(const std::string& name);

int RunScanCommand(const std::vector<std::string>& args);
int RunRulesCommand(const std::vector<std::string>& args);
int RunSweepCommand(const std::vector<std::string>& args);
int RunSweepMirrorCommand(const std::vector<std::string>& args);  // sweep mirror
int RunIdsetCommand(const std::vector<std::string>& args);
int RunReportCommand(const std::vector<std::string>& args);
int RunVersionCommand(const std::vector<std::string>& args);
int RunHookCommand(const std::vector<std::string>& args);
int RunRemoteCommand(const std::vector<std::string>& args);
int RunHelpCommand(const std::vector<std::string>& args);
int RunConfigCommand(const std::vector<std::string>& args);

boost::program_options::options_description ScanOptionsDescription();
boost::program_options::options_description RulesOptionsDescription();
boost::program_options::options_description ConfigOptionsDescription();
boost::program_options::options_description SweepOptionsDescription();
boost::program_options::options_description IdsetOptionsDescription();   // idset build
boost::program_options::options_description ReportOptionsDescription();  // report merge
boost::program_options::options_description HookOptionsDescription();
boost::program_options::options_description RemoteOptionsDescription();

// "usage: ...", the summary and the options, as `cohortguard NAME --help` prints them.
void PrintCommandHelp(const Command& command, std::ostream& out);
// The top-level help: every command that is not hidden.
void PrintMainHelp(std::ostream& out);

// Prints "cohortguard: <message>" to stderr and returns kExitUsage.
int UsageError(const std::string& message);

}  // namespace cg
