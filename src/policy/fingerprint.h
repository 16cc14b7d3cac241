// Fingerprints: stable ids for findings, used by baselines and SARIF partialFingerprints.
//
// Content-based, never line-based: a finding keeps its fingerprint when lines shift or unrelated
// parts of the file change. A detector may set Finding::fingerprint itself (a secret detector
// hashes the secret); otherwise it is derived from rule, path, member and column names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace cg {

// Lower-case hex SHA-256 of `data`, truncated to `hex_chars`.
std::string Sha256Hex(std::string_view data, size_t hex_chars = 64);

// Lower-case hex HMAC-SHA256 of `data` under `key`, truncated to `hex_chars`.
std::string HmacSha256Hex(std::string_view key, std::string_view data, size_t hex_chars = 64);

// Fills Finding::fingerprint where it is empty.
void AssignFingerprints(std::vector<Finding>* findings);

}  // namespace cg
