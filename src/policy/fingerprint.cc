#include "policy/fingerprint.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace cg {
namespace {

std::string Hex(const unsigned char* md, unsigned int len, size_t hex_chars) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len && out.size() < hex_chars; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 15]);
  }
  return out.substr(0, hex_chars);
}

}  // namespace

std::string Sha256Hex(std::string_view data, size_t hex_chars) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  return Hex(md, len, hex_chars);
}

std::string HmacSha256Hex(std::string_view key, std::string_view data, size_t hex_chars) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), md, &len);
  return Hex(md, len, hex_chars);
}

void AssignFingerprints(std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    if (!f.fingerprint.empty()) continue;
    std::string key = f.rule + '\0' + f.origin.path + '\0' + f.origin.member + '\0';
    for (const auto& c : f.columns) key += c + '\x1f';
    f.fingerprint = Sha256Hex(key, 32);
  }
}

}  // namespace cg
