#include "report/printable.h"

#include <cstdio>

#include "report/json_writer.h"

namespace cg {
namespace {

// Length of the printable UTF-8 character at s[i], or 0 when it must be escaped.
size_t PrintableLength(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7f) return 0;
  return Utf8SequenceLength(s, i);
}

}  // namespace

std::string Printable(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t n = PrintableLength(s, i);
    if (n == 0) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
      out += buf;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

bool IsPrintable(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = PrintableLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace cg
