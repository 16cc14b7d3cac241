#include "support/golden.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cg::testing {

std::string GoldenPath(const std::string& name) { return std::string(COHORTGUARD_SOURCE_DIR) + "/tests/golden/" + name; }

std::string CompareWithGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("COHORTGUARD_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    return "golden file " + path + " rewritten (unset COHORTGUARD_UPDATE_GOLDEN to compare)";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "no golden file " + path + " (run with COHORTGUARD_UPDATE_GOLDEN=1 to create it)";
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string expected = buf.str();
  if (expected == actual) return "";
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool he = static_cast<bool>(std::getline(e, el)), ha = static_cast<bool>(std::getline(a, al));
    if (!he && !ha) break;
    if (he != ha || el != al)
      return path + ":" + std::to_string(line) + " differs\n  expected: " + (he ? el : "<end>") +
             "\n  actual:   " + (ha ? al : "<end>");
  }
  return path + ": differs in line endings or trailing bytes";
}

std::string ZeroNumberAfter(std::string text, const std::string& key) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + key.size())) {
    size_t begin = at + key.size(), end = begin;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
    if (end > begin) text.replace(begin, end - begin, "0");
  }
  return text;
}

std::string ZeroTimestampAfter(std::string text, const std::string& key) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + key.size()))
    for (size_t i = at + key.size(); i < text.size() && text[i] != '"'; ++i)
      if (std::isdigit(static_cast<unsigned char>(text[i]))) text[i] = '0';
  return text;
}

}  // namespace cg::testing
