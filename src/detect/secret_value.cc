#include "detect/secret_value.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "policy/fingerprint.h"

namespace cg {
namespace {

std::string Lower(std::string_view v) {
  std::string out(v);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool AllSame(std::string_view v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; });
}

}  // namespace

double ShannonEntropy(std::string_view value) {
  if (value.empty()) return 0;
  std::array<size_t, 256> counts{};
  for (unsigned char c : value) ++counts[c];
  double h = 0;
  const double n = static_cast<double>(value.size());
  for (size_t k : counts) {
    if (!k) continue;
    double p = static_cast<double>(k) / n;
    h -= p * std::log2(p);
  }
  return h;
}

int CharacterClasses(std::string_view value) {
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : value) {
    if (std::islower(c)) lower = true;
    else if (std::isupper(c)) upper = true;
    else if (std::isdigit(c)) digit = true;
    else other = true;
  }
  return lower + upper + digit + other;
}

bool LooksLikePlaceholder(std::string_view value) {
  if (value.empty() || AllSame(value)) return true;
  // Template and variable syntax: the value is a reference, not a secret.
  const char first = value.front();
  if (first == '<' || first == '$' || first == '%' || first == '{' || first == '[') return true;
  for (std::string_view ref : {"${", "{{", "%(", "$(", "<%"})
    if (value.find(ref) != std::string_view::npos) return true;
  const std::string v = Lower(value);
  static const char* const kContains[] = {"example", "xxxx", "****", "....", "your_", "your-", "yourtoken",
                                          "yourkey", "yourpass", "placeholder", "redacted", "changeme",
                                          "dummy", "notreal", "not_a_real", "fake_", "12345678", "abcdefgh",
                                          "insert_", "replace_", "replaceme", "<your", "todo"};
  for (const char* s : kContains)
    if (v.find(s) != std::string::npos) return true;
  static const char* const kWhole[] = {"password", "passwd", "pass", "pwd", "secret", "token", "test", "testing",
                                       "foo", "bar", "foobar", "admin", "user", "username", "none", "null",
                                       "undefined", "true", "false", "sample", "hidden", "masked", "mytoken",
                                       "mypassword", "mysecret", "apikey", "api_key", "access_token"};
  for (const char* s : kWhole)
    if (v == s) return true;
  return false;
}

std::string MaskSecret(std::string_view value) {
  const size_t shown = std::min<size_t>(4, value.size() / 3);
  const size_t stars = std::min<size_t>(value.size() - shown, 28);
  return std::string(value.substr(0, shown)) + std::string(stars, '*');
}

std::string SecretFingerprint(const std::string& rule, const Origin& origin, std::string_view secret,
                              std::string_view key) {
  std::string data = std::string(key.empty() ? "cohortguard secret v2 unkeyed" : "cohortguard secret v2") + '\0' + rule;
  for (const std::string* part : {&origin.path, &origin.member}) {
    data.push_back('\0');
    data += *part;
  }
  data.push_back('\0');
  if (key.empty()) return Sha256Hex(data + std::to_string(secret.size()) + '\0' + MaskSecret(secret), 32);
  data.append(secret);
  return HmacSha256Hex(key, data, 32);
}

}  // namespace cg
