// Where the configuration file is when --config is not given: `.cohortguard.yaml` at the top of
// the work tree containing the current directory, else in the current directory.
#pragma once

#include <string>

namespace cg {

std::string DefaultConfigPath();

}  // namespace cg
