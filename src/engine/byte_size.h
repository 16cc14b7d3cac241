// Sizes as the command line writes them: "1048576", "512K", "256M", "4G" (powers of 1024).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace cg {

Expected<uint64_t> ParseSize(const std::string& text);
// The shortest form ParseSize reads back to `bytes`: "256M", "1536K", "100".
std::string FormatSize(uint64_t bytes);

}  // namespace cg
