#include "engine/byte_size.h"

#include <cctype>

namespace cg {

Expected<uint64_t> ParseSize(const std::string& text) {
  if (text.empty()) return Status::InvalidArgument("empty size");
  size_t i = 0;
  uint64_t v = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    if (v > (UINT64_MAX - 9) / 10) return Status::InvalidArgument("size too large: " + text);
    v = v * 10 + static_cast<uint64_t>(text[i++] - '0');
  }
  if (i == 0) return Status::InvalidArgument("not a size: '" + text + "'");
  std::string unit = text.substr(i);
  int shift = 0;
  if (unit.empty() || unit == "B") shift = 0;
  else if (unit == "K" || unit == "KiB" || unit == "k") shift = 10;
  else if (unit == "M" || unit == "MiB") shift = 20;
  else if (unit == "G" || unit == "GiB") shift = 30;
  else return Status::InvalidArgument("unknown size unit '" + unit + "' in '" + text + "' (use K, M or G)");
  if (shift && v > (UINT64_MAX >> shift)) return Status::InvalidArgument("size too large: " + text);
  return v << shift;
}

std::string FormatSize(uint64_t bytes) {
  static const char* const kUnits[] = {"", "K", "M", "G"};
  int unit = 0;
  while (unit < 3 && bytes != 0 && bytes % 1024 == 0) {
    bytes /= 1024;
    ++unit;
  }
  return std::to_string(bytes) + kUnits[unit];
}

}  // namespace cg
