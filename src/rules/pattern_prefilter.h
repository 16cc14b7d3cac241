// Vectorscan prefilters of RE2 patterns: how a pattern is loosened into a prefilter expression,
// and the compile of a database of them. Used for the secret patterns (SecretDetector compiles
// one at run time once it has read enough; tools/build_secret_prefilter.cc the built-in ones' at
// build time) and the built-in column-name patterns (ColumnPatterns; tools/build_rule_set.cc).
#pragma once

#include <string>
#include <string_view>
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
// `whole`: the patterns are matched against whole names, case-insensitively (ColumnPatterns).
hs_database_t* CompilePrefilter(const std::vector<std::string>& sources, bool whole,
                                const hs_platform_info_t* platform, std::vector<int>* always);

// True when `text` holds U+212A KELVIN SIGN or U+017F LONG S, which RE2's (?i) equates with k and
// s and Vectorscan does not: such a text must not be judged by a prefilter.
bool HoldsFoldedLetter(std::string_view text);

}  // namespace cg
