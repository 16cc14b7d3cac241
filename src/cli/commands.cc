#include <iostream>

#include "cli/command.h"

namespace cg {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"scan", "scan files, folders or git history for participant data and secrets", RunScanCommand},
      {"rules", "list, validate or test rule packs", RunRulesCommand},
      {"version", "print the version", RunVersionCommand},
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
