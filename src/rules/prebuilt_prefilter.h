// Prefilter databases of the built-in patterns, compiled and serialised at build time from
// rules/*.yaml (CMake generates the definitions), so a hook compiles neither Vectorscan
// databases nor RE2 sets to start: the secret patterns' (tools/build_secret_prefilter.cc,
// detect/secret_detector.h) and the column-name patterns' (tools/build_rule_set.cc,
// rules/column_patterns.cc). Compiled for a generic x86-64 (no AVX): a machine one does not
// load on falls back to RE2 alone.
#pragma once

#include <cstddef>

namespace cg {

struct PrebuiltPrefilter {
  const char* const* sources;   // the patterns, as the rule packs spell them; database id = index
  const unsigned char* always;  // per pattern: 1 when it is not in the database (see CompilePrefilter)
  size_t count;
  const char* database;         // hs_serialize_database's bytes
  size_t database_size;
};

extern const PrebuiltPrefilter kBuiltInSecretPrefilter;
extern const PrebuiltPrefilter kBuiltInColumnPrefilter;  // anchored at both ends, case-insensitive

}  // namespace cg
