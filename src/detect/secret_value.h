// Checks on a candidate secret value, and its masked form.
//
// A pattern finds something shaped like a credential; these decide whether the value is worth
// reporting (documentation placeholders and low-entropy words are not) and how it may be shown.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/finding.h"

namespace cg {

// Shannon entropy of the bytes of `value`, in bits per character (0 for an empty value).
double ShannonEntropy(std::string_view value);

// How many of the classes lower-case letter, upper-case letter, digit, other occur in `value`.
int CharacterClasses(std::string_view value);

// True for values that documentation and templates use instead of a real secret:
// AKIAIOSFODNN7EXAMPLE-style "EXAMPLE" values, <YOUR_TOKEN>, ${VAR}, {{ var }}, %(var)s, $VAR,
// runs of x or *, "changeme", "password", "12345678", "abcdefgh", one character repeated.
bool LooksLikePlaceholder(std::string_view value);

// The form reports show: the first 4 characters (fewer for short values: at most a third of
// them), then one `*` per remaining character, capped so that long keys stay readable.
std::string MaskSecret(std::string_view value);

// Fingerprint of a secret finding, stable when lines move (a known secret copied into another
// file is a new finding). Reports are read by people who must not be able to test a guess of
// the secret against it offline, so:
//   with a key (fingerprint_key: the same file on every machine that shares a baseline):
//     HMAC-SHA256(key, rule, outer path, member, secret)
//   without one: SHA-256 of rule, outer path, member, the value's length and its masked form,
//     which the report shows anyway: the value itself is left out (two secrets of one rule in
//     one file that mask alike then share a fingerprint).
std::string SecretFingerprint(const std::string& rule, const Origin& origin, std::string_view secret,
                              std::string_view key = {});

}  // namespace cg
