#include "policy/path_glob.h"

#include <string>

namespace cg {
namespace {

bool Match(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p[0] == '*') {
      if (p.size() > 1 && p[1] == '*') {
        p.remove_prefix(2);
        if (!p.empty() && p[0] == '/') {  // "**/": zero or more whole folders
          p.remove_prefix(1);
          if (Match(p, s)) return true;
          for (size_t i = 0; i < s.size(); ++i)
            if (s[i] == '/' && Match(p, s.substr(i + 1))) return true;
          return false;
        }
        for (size_t i = 0; i <= s.size(); ++i)
          if (Match(p, s.substr(i))) return true;
        return false;
      }
      p.remove_prefix(1);
      for (size_t i = 0;; ++i) {
        if (Match(p, s.substr(i))) return true;
        if (i == s.size() || s[i] == '/') return false;
      }
    }
    if (s.empty()) return false;
    if (p[0] == '?' ? s[0] == '/' : p[0] != s[0]) return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool PathGlobMatches(std::string_view glob, std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  std::string g(glob);
  while (g.substr(0, 2) == "./") g.erase(0, 2);
  if (!g.empty() && g.back() == '/') g += "**";
  if (g.find('/') == std::string::npos) g = "**/" + g;
  else if (g[0] == '/') g.erase(0, 1);
  return Match(g, path);
}

}  // namespace cg
