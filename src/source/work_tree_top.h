// The top folder of the git work tree that contains a path (where .cohortguard.yaml lives).
#pragma once

#include <optional>
#include <string>

namespace cg {

// The work tree's top folder (absolute, no trailing slash), or nothing outside a work tree
// (or in a bare repository).
std::optional<std::string> FindWorkTreeTop(const std::string& start);

}  // namespace cg
