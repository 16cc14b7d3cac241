// cohortguard: stops participant-level research data from leaking through git.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    cg::PrintMainHelp(std::cout);
    return args.empty() ? cg::kExitUsage : cg::kExitClean;
  }
  if (args[0] == "--version") return cg::RunVersionCommand({});
  const cg::Command* cmd = cg::FindCommand(args[0]);
  if (!cmd) return cg::UsageError("unknown command '" + args[0] + "' (see 'cohortguard --help')");
  return cmd->run(std::vector<std::string>(args.begin() + 1, args.end()));
}
