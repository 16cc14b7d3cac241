#include "policy/content_hash.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace cg {
namespace {

using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string Hex(const unsigned char* md, unsigned int len) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 15]);
  }
  return out;
}

std::string Final(EVP_MD_CTX* ctx) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  return Hex(md, len);
}

}  // namespace

Expected<ContentHashes> HashFile(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) return Status::IoError(path + ": cannot read to compute its content hash");
  MdCtx sha1(EVP_MD_CTX_new(), &EVP_MD_CTX_free), sha256(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(sha1.get(), EVP_sha1(), nullptr);
  EVP_DigestInit_ex(sha256.get(), EVP_sha256(), nullptr);
  const std::string header = "blob " + std::to_string(size) + '\0';
  EVP_DigestUpdate(sha1.get(), header.data(), header.size());
  std::string buf(1 << 16, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<size_t>(in.gcount());
    EVP_DigestUpdate(sha1.get(), buf.data(), n);
    EVP_DigestUpdate(sha256.get(), buf.data(), n);
  }
  if (in.bad()) return Status::IoError(path + ": read error while computing its content hash");
  return ContentHashes{Final(sha1.get()), Final(sha256.get())};
}

}  // namespace cg
