#include "cli/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace cg {
namespace {

bool Set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

bool DumbTerminal() {
  const char* term = std::getenv("TERM");
  return term && std::strcmp(term, "dumb") == 0;
}

}  // namespace

bool ParseColorMode(const std::string& text, ColorMode* out) {
  if (text == "auto") *out = ColorMode::kAuto;
  else if (text == "always") *out = ColorMode::kAlways;
  else if (text == "never") *out = ColorMode::kNever;
  else return false;
  return true;
}

bool UseColor(ColorMode mode, int fd) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  return fd >= 0 && isatty(fd) && !Set("NO_COLOR") && !DumbTerminal();
}

bool UseProgress(bool no_progress) { return !no_progress && isatty(2) && !Set("CI") && !DumbTerminal(); }

}  // namespace cg
