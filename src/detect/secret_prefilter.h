// The secret patterns' Vectorscan prefilter (see SecretDetector): how a pattern is loosened into
// a prefilter expression, and the compile of a database of them. Shared by the detector, which
// compiles one at run time once it has read enough, and tools/build_secret_prefilter.cc, which
// compiles the built-in patterns' at build time.
#pragma once

#include <string>
#include <vector>

#include <hs/hs.h>

namespace cg {

// False when the pattern names a non-ASCII character: it is proposed for every text instead.
bool PrefilterSafe(const std::string& source);
// The pattern with every counted repeat's upper bound dropped (see secret_prefilter.cc).
std::string PrefilterExpression(const std::string& source);

// One database of `sources` in prefilter mode, database id = index in `sources`. A source that
// is not safe, or that Vectorscan rejects even as a prefilter, is appended to `*always`
// instead. Null when none compiled (every source is then in `*always`).
hs_database_t* CompilePrefilter(const std::vector<std::string>& sources, const hs_platform_info_t* platform,
                                std::vector<int>* always);

}  // namespace cg
