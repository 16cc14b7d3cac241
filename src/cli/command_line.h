// Parsing shared by the subcommands: their options plus hidden positional arguments, and --help.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>


namespace cg {

// Parses `args` for the command `name` against `visible` (what --help shows) and `hidden`
// (positional arguments, named in `positional`). Returns an exit status when the command is done
// already: kExitClean after printing the help for --help, kExitUsage after printing
// "cohortguard: NAME: what (see 'cohortguard NAME --help')". Otherwise nullopt, with `vm` filled.
std::optional<int> ParseCommandLine(const char* name, const std::vector<std::string>& args,
                                    const boost::program_options::options_description& visible,
                                    const boost::program_options::options_description& hidden,
                                    const boost::program_options::positional_options_description& positional,
                                    boost::program_options::variables_map* vm);

// A command that takes one folder and options (sweep, sweep mirror): the folder is the one
// positional argument, stored in *folder; without it, a usage error "NAME: give FOLDER_WHAT".
std::optional<int> ParseFolderCommand(const char* name, const std::vector<std::string>& args,
                                      const boost::program_options::options_description& visible,
                                      const char* folder_what, std::string* folder,
                                      boost::program_options::variables_map* vm);

}  // namespace cg
