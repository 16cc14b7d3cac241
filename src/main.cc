// cohortguard: stops participant-level research data from leaking through git.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

namespace {

void PrintHelp() {
  std::cout << "usage: cohortguard <command> [options]\n\ncommands:\n";
  for (const auto& c : cg::Commands()) {
    std::string name = c.name;
    std::cout << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary << "\n";
  }
  std::cout << "\n'cohortguard <command> --help' describes each command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintHelp();
    return args.empty() ? cg::kExitUsage : cg::kExitClean;
  }
  if (args[0] == "--version") return cg::RunVersionCommand({});
  const cg::Command* cmd = cg::FindCommand(args[0]);
  if (!cmd) return cg::UsageError("unknown command '" + args[0] + "' (see 'cohortguard --help')");
  return cmd->run(std::vector<std::string>(args.begin() + 1, args.end()));
}
