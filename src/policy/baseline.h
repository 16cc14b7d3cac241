// Baseline: the fingerprints of a JSON report written earlier
// (`cohortguard scan --format json --output .cohortguard-baseline.json`). Findings whose
// fingerprint it holds are known and not reported again. Fingerprints are content-based
// (policy/fingerprint), so a baseline survives line shifts and unrelated edits.
#pragma once

#include <string>
#include <unordered_set>

#include "core/status.h"

namespace cg {

class Baseline {
 public:
  // Reads a cohortguard.report/v1 JSON document; errors name the file and what is wrong.
  static Expected<Baseline> Load(const std::string& file);
  static Expected<Baseline> Parse(const std::string& file, const std::string& text);

  bool Contains(const std::string& fingerprint) const { return fingerprints_.count(fingerprint) > 0; }
  size_t size() const { return fingerprints_.size(); }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::unordered_set<std::string> fingerprints_;
};

}  // namespace cg
