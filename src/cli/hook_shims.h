// The hook shims `cohortguard hook install` writes: a few lines of POSIX sh that exec the binary
// and then the hook they replaced, if any. hooks/ at the top of the source tree holds the same
// text for people who install by hand (a test keeps the two identical).
#pragma once

#include <string>

namespace cg {

// Every shim carries this marker: install recognises (and updates) its own hooks by it.
inline constexpr const char* kShimMarker = "cohortguard-shim";

// A foreign hook kept by `install --force` is renamed to NAME + this suffix and run after.
inline constexpr const char* kChainedSuffix = ".cohortguard-chained";

// The shim for `hook` ("pre-commit", "pre-push" or "pre-receive") running `binary` (an absolute
// path, or a name looked up in PATH). REQUIRES: IsShimHook(hook).
std::string ShimText(const std::string& hook, const std::string& binary);

bool IsShimHook(const std::string& hook);

}  // namespace cg
