#include "cli/command_line.h"

#include <iostream>

#include "cli/command.h"

namespace cg {
namespace po = boost::program_options;

std::optional<int> ParseCommandLine(const char* name, const std::vector<std::string>& args,
                                    const po::options_description& visible, const po::options_description& hidden,
                                    const po::positional_options_description& positional, po::variables_map* vm) {
  po::options_description all;
  all.add(visible).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    return UsageError(std::string(name) + ": " + e.what() + " (see 'cohortguard " + name + " --help')");
  }
  if (vm->count("help")) {
    if (const Command* c = FindCommand(name)) PrintCommandHelp(*c, std::cout);
    else std::cout << visible << "\n";
    return kExitClean;
  }
  return std::nullopt;
}

std::optional<int> ParseFolderCommand(const char* name, const std::vector<std::string>& args,
                                      const po::options_description& visible, const char* folder_what,
                                      std::string* folder, po::variables_map* vm) {
  po::options_description hidden;
  hidden.add_options()("folder", po::value(folder));
  po::positional_options_description pos;
  pos.add("folder", 1);
  if (auto done = ParseCommandLine(name, args, visible, hidden, pos, vm)) return done;
  if (folder->empty())
    return UsageError(std::string(name) + ": give " + folder_what + " (see 'cohortguard " + name + " --help')");
  return std::nullopt;
}

}  // namespace cg
