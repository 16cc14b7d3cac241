// Content hashes of a file, as allowlist entries name them: the git blob id (what
// `git hash-object FILE` prints, so the same id works for a work-tree file and for the blob in a
// git scan) and the SHA-256 of the bytes.
#pragma once

#include <string>

#include "core/status.h"

namespace cg {

struct ContentHashes {
  std::string git_blob;  // 40 hex
  std::string sha256;    // 64 hex
};

// Reads `path` once, streaming.
Expected<ContentHashes> HashFile(const std::string& path);

}  // namespace cg
