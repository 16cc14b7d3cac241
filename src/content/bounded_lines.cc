// SPDX-License-Identifier: Apache-2.0
#include "content/bounded_lines.h"

#include <string>
#include <vector>

namespace cg {

Expected<bool> ForEachBoundedLine(ByteStream& in, size_t max_line, const LineFn& line) {
  std::string held;
  bool overlong = false;
  std::vector<char> buf(1 << 16);
  for (;;) {
    auto r = in.Read(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    std::string_view chunk(buf.data(), *r);
    while (!chunk.empty()) {
      size_t nl = chunk.find('\n');
      std::string_view part = chunk.substr(0, nl);
      if (!overlong) {
        if (held.size() + part.size() > max_line) {
          overlong = true;
          held.clear();
        } else {
          held.append(part);
        }
      }
      if (nl == std::string_view::npos) break;
      if (!line(held, overlong)) return false;
      held.clear();
      overlong = false;
      chunk.remove_prefix(nl + 1);
    }
  }
  return line(held, overlong);
}

}  // namespace cg
