// Generated corpora of realistic text that is NOT a secret, for precision tests and benchmarks:
// lockfiles with integrity hashes, checksum lists, UUIDs, minified JavaScript, notebooks with
// base64 images, analysis code and configuration that names credentials without holding any.
// Deterministic for a given seed.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cg::testing {

// {relative path, content} pairs; `scale` multiplies the sizes (1: a few hundred KiB in all).
std::vector<std::pair<std::string, std::string>> NonSecretCorpus(unsigned seed = 1, int scale = 1);

}  // namespace cg::testing
