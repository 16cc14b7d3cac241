// What the two build-time tools (build_rule_set, build_secret_prefilter) share: a byte string as
// a C++ literal, and a prefilter database compiled for a generic x86-64, serialised and written
// as the C++ definition of a PrebuiltPrefilter (rules/prebuilt_prefilter.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace cgtools {

// Each byte as a three-digit octal escape: never read on into the next character.
std::string CString(const char* data, size_t size);

// Definitions, for inside namespace cg, of `name` (e.g. "kBuiltInSecretPrefilter") over `sources`
// (see cg::CompilePrefilter for `whole`). False when the database does not serialise; `*error`
// says so. `*database_bytes`: the serialised size (0 when no pattern compiled).
bool PrebuiltPrefilterSource(const std::vector<std::string>& sources, bool whole, const std::string& name,
                             std::string* out, size_t* database_bytes, std::string* error);

}  // namespace cgtools
