#include "policy/ssh_config.h"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace cg {
namespace {

enum class Applies { kNo, kMaybe, kYes };

std::string LowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// ssh's match_pattern: '*' any run, '?' one character.
bool Wild(const char* p, const char* s) {
  for (; *p; ++p, ++s) {
    if (*p == '*') {
      for (const char* k = s;; ++k) {
        if (Wild(p + 1, k)) return true;
        if (!*k) return false;
      }
    }
    if (!*s || (*p != '?' && *p != *s)) return false;
  }
  return !*s;
}

// A pattern list ("a b" for Host, "a,b" for Match): a negated pattern that matches wins.
bool MatchList(const std::vector<std::string>& patterns, const std::string& host) {
  bool hit = false;
  for (const auto& raw : patterns) {
    std::string p = LowerAscii(raw);
    bool negated = !p.empty() && p[0] == '!';
    if (negated) p.erase(0, 1);
    if (!Wild(p.c_str(), host.c_str())) continue;
    if (negated) return false;
    hit = true;
  }
  return hit;
}

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep))
    if (!cur.empty()) out.push_back(cur);
  return out;
}

// Words of a line, double quotes grouping; a word starting with '#' ends the line.
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && (c == ' ' || c == '\t' || (c == '=' && out.empty()))) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      if (!any && !quoted && c == '#') break;
      cur += c;
      any = true;
    }
  }
  if (any) out.push_back(cur);
  return out;
}

Applies EvaluateMatch(const std::vector<std::string>& w, const std::string& host) {
  Applies result = Applies::kYes;
  for (size_t i = 1; i < w.size(); ++i) {
    std::string crit = LowerAscii(w[i]);
    bool negated = !crit.empty() && crit[0] == '!';
    if (negated) crit.erase(0, 1);
    Applies a;
    if (crit == "all") {
      a = Applies::kYes;
    } else if ((crit == "host" || crit == "originalhost") && i + 1 < w.size()) {
      a = MatchList(SplitOn(w[++i], ','), host) ? Applies::kYes : Applies::kNo;
    } else {
      if (crit != "canonical" && crit != "final" && i + 1 < w.size()) ++i;  // takes an argument
      a = Applies::kMaybe;
    }
    if (negated && a != Applies::kMaybe) a = a == Applies::kYes ? Applies::kNo : Applies::kYes;
    if (a == Applies::kNo) return Applies::kNo;
    if (a == Applies::kMaybe) result = Applies::kMaybe;
  }
  return result;
}

std::string Expand(const std::string& value, const std::string& host) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '%' && i + 1 < value.size() && (value[i + 1] == 'h' || value[i + 1] == '%')) {
      out += value[i + 1] == 'h' ? host : "%";
      ++i;
    } else {
      out += value[i];
    }
  }
  return LowerAscii(out);
}

struct Reader {
  std::string host;
  std::vector<SshHostName> found;
  bool settled = false;  // a HostName that surely applies was read

  // `outer`: whether the block the Include (if any) sits in applies.
  void File(const std::string& path, const std::string& include_base, Applies outer, int depth) {
    std::ifstream in(path);
    std::string line;
    Applies block = outer;
    int n = 0;
    while (!settled && std::getline(in, line)) {
      ++n;
      std::vector<std::string> w = Words(line);
      if (w.empty()) continue;
      std::string key = LowerAscii(w[0]);
      if (key == "host") {
        block = MatchList(std::vector<std::string>(w.begin() + 1, w.end()), host) ? Applies::kYes : Applies::kNo;
        if (outer == Applies::kNo) block = Applies::kNo;
        if (outer == Applies::kMaybe && block == Applies::kYes) block = Applies::kMaybe;
      } else if (key == "match") {
        block = EvaluateMatch(w, host);
        if (outer != Applies::kYes && block != Applies::kNo) block = outer;
      } else if (key == "include" && depth < 16 && block != Applies::kNo) {
        for (size_t i = 1; i < w.size() && !settled; ++i) {
          std::string pattern = w[i];
          if (pattern.rfind("~/", 0) == 0) pattern = include_base.substr(0, include_base.rfind("/.ssh")) + pattern.substr(1);
          else if (pattern.empty() || pattern[0] != '/') pattern = include_base + "/" + pattern;
          glob_t g{};
          if (glob(pattern.c_str(), 0, nullptr, &g) == 0)
            for (size_t k = 0; k < g.gl_pathc && !settled; ++k) File(g.gl_pathv[k], include_base, block, depth + 1);
          globfree(&g);
        }
      } else if (key == "hostname" && w.size() > 1 && block != Applies::kNo) {
        found.push_back({Expand(w[1], host), path + ":" + std::to_string(n)});
        if (block == Applies::kYes) settled = true;
      }
    }
  }
};

}  // namespace

std::vector<SshHostName> SshHostNames(const std::string& host, const std::string& home,
                                      const std::string& system_config) {
  Reader r;
  r.host = LowerAscii(host);
  if (!home.empty()) r.File(home + "/.ssh/config", home + "/.ssh", Applies::kYes, 0);
  if (!system_config.empty() && !r.settled) {
    std::string base = system_config.substr(0, system_config.rfind('/'));
    r.File(system_config, base, Applies::kYes, 0);
  }
  return r.found;
}

}  // namespace cg
