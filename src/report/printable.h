// Text from files (paths, column names, messages) made safe for a terminal: control characters
// and bytes that are not UTF-8 become \xNN, so a file name never drives the terminal.
#pragma once

#include <string>
#include <string_view>

namespace cg {

std::string Printable(std::string_view s);
// True when Printable(s) == s.
bool IsPrintable(std::string_view s);

}  // namespace cg
