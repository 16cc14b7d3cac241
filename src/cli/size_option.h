// Parses sizes given on the command line: "1048576", "512K", "256M", "4G" (powers of 1024).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace cg {

Expected<uint64_t> ParseSize(const std::string& text);

}  // namespace cg
