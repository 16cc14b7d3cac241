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

}  // namespace cg
