// The built-in secret patterns' prefilter database, compiled and serialised at build time by
// tools/build_secret_prefilter.cc from rules/*.yaml (CMake generates the definition), so a hook
// needs neither Vectorscan's compile (~160 ms) nor the RE2::Set's (~5 ms) to start scanning.
// Compiled for a generic x86-64 (no AVX): a machine it does not load on falls back to the set.
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

}  // namespace cg
