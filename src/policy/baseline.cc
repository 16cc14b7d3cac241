#include "policy/baseline.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace cg {

Expected<Baseline> Baseline::Load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::InvalidArgument(file + ": cannot read baseline");
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(file, ss.str());
}

Expected<Baseline> Baseline::Parse(const std::string& file, const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return Status::InvalidArgument(file + ": baseline is not valid JSON (write it with --format json --output)");
  if (!doc.is_object() || !doc.contains("schema") || doc["schema"] != "cohortguard.report/v1")
    return Status::InvalidArgument(file + ": baseline is not a cohortguard JSON report (schema cohortguard.report/v1)");
  if (!doc.contains("findings") || !doc["findings"].is_array())
    return Status::InvalidArgument(file + ": baseline has no 'findings' list");
  Baseline b;
  b.file_ = file;
  size_t i = 0;
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string() ||
        f["fingerprint"].get<std::string>().empty())
      return Status::InvalidArgument(file + ": baseline finding " + std::to_string(i) + " has no fingerprint");
    b.fingerprints_.insert(f["fingerprint"].get<std::string>());
    ++i;
  }
  return b;
}

}  // namespace cg
