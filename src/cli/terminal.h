// Terminal decisions for the CLI: when to colour output and when to show progress.
//
// Colour: --color=always|never win; auto colours only a terminal, and never when NO_COLOR is set
// to anything non-empty (no-color.org) or TERM is "dumb". Progress: only on a terminal stderr,
// never in CI (CI set), never with TERM=dumb, never with --no-progress.
#pragma once

#include <string>

namespace cg {

enum class ColorMode { kAuto, kAlways, kNever };

// Parses "auto" | "always" | "never"; false for anything else.
bool ParseColorMode(const std::string& text, ColorMode* out);

// `fd` is where the output goes, or -1 for a file named by --output.
bool UseColor(ColorMode mode, int fd);

bool UseProgress(bool no_progress);

}  // namespace cg
