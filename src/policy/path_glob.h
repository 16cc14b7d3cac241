// Path globs for allowlist entries, with gitignore-like meaning:
//   `*` any run of characters except `/`, `?` one such character, `**` any run including `/`
//   (`a/**/b` also matches `a/b`); a glob without `/` matches the name at any depth (`*.csv`);
//   a trailing `/` means everything below that folder (`tests/fixtures/`).
// Paths are relative, `/`-separated, without a leading `./`. Pure, thread-safe.
#pragma once

#include <string_view>

namespace cg {

bool PathGlobMatches(std::string_view glob, std::string_view path);

}  // namespace cg
