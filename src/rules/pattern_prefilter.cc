#include "rules/pattern_prefilter.h"

#include <cctype>

namespace cg {

// RE2 reads text as UTF-8, Vectorscan (in byte mode: git content need not be valid UTF-8) reads
// bytes. The prefilter must propose every pattern RE2 can match, so:
// - counted repeats lose their upper bound and `{n}` becomes `{n,}` (RE2 counts characters, a
//   character may take several bytes; n characters are at least n bytes);
// - a pattern that names a non-ASCII character (a raw byte over 0x7f, \x, \p, \P, \C or an
//   octal escape) is not given to Vectorscan at all: it is proposed for every text;
// - (?i) in RE2 folds U+212A KELVIN SIGN into k and U+017F LONG S into s: a text holding either
//   is matched with the RE2::Set instead (see Propose).
// RE2 verifies every proposal, so a looser prefilter costs time, never a false finding.
bool PrefilterSafe(const std::string& source) {
  for (size_t i = 0; i < source.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(source[i]);
    if (c >= 0x80) return false;
    if (c == '\\' && i + 1 < source.size()) {
      const char n = source[++i];
      if (n == 'x' || n == 'p' || n == 'P' || n == 'C' || (n >= '0' && n <= '7')) return false;
    }
  }
  return true;
}

std::string PrefilterExpression(const std::string& source) {
  std::string out;
  for (size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {
      out += c;
      out += source[++i];
      continue;
    }
    if (c == '{') {
      size_t j = i + 1;
      while (j < source.size() && std::isdigit(static_cast<unsigned char>(source[j]))) ++j;
      const size_t digits_end = j;
      if (j < source.size() && source[j] == ',')
        for (++j; j < source.size() && std::isdigit(static_cast<unsigned char>(source[j]));) ++j;
      if (digits_end > i + 1 && j < source.size() && source[j] == '}') {
        out.append(source, i, digits_end - i);
        out += ",}";
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

bool HoldsFoldedLetter(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos || text.find("\xC5\xBF") != std::string_view::npos;
}

hs_database_t* CompilePrefilter(const std::vector<std::string>& sources, bool whole,
                                const hs_platform_info_t* platform, std::vector<int>* always) {
  std::vector<std::string> expressions;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::string e = PrefilterExpression(sources[i]);
    expressions.push_back(whole ? "^(?:" + e + ")$" : e);
    if (PrefilterSafe(sources[i])) ids.push_back(static_cast<unsigned>(i));
    else always->push_back(static_cast<int>(i));
  }
  // A rejected pattern is moved to `always` and the rest compiled again.
  while (!ids.empty()) {
    std::vector<const char*> ex;
    std::vector<unsigned> flags(ids.size(), HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | (whole ? HS_FLAG_CASELESS : 0u));
    for (unsigned id : ids) ex.push_back(expressions[id].c_str());
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(ex.data(), flags.data(), ids.data(), static_cast<unsigned>(ids.size()), HS_MODE_BLOCK,
                         platform, &db, &err) == HS_SUCCESS)
      return db;
    const int bad = err ? err->expression : -1;
    if (err) hs_free_compile_error(err);
    if (bad < 0 || static_cast<size_t>(bad) >= ids.size()) {  // not one pattern's fault: all stay with RE2
      for (unsigned id : ids) always->push_back(static_cast<int>(id));
      return nullptr;
    }
    always->push_back(static_cast<int>(ids[static_cast<size_t>(bad)]));
    ids.erase(ids.begin() + bad);
  }
  return nullptr;
}

}  // namespace cg
