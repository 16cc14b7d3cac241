#include "engine/fingerprint_key.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "detect/id_set.h"
#include "engine/config_files.h"

namespace cg {

std::string UserFingerprintKeyPath() {
  std::string config = UserConfigPath();
  if (config.empty()) return "";
  return (std::filesystem::path(config).parent_path() / "fingerprint.key").string();
}

namespace {

// Creates `path` with a fresh key unless it exists (another process may win the race: then
// its key is used).
Status CreateKey(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  unsigned char raw[32];
  if (RAND_bytes(raw, sizeof raw) != 1) return Status::IoError("no random bytes for " + path);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  hex += "\n";
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return Status::IoError("cannot create " + tmp);
  bool ok = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size());
  ok = ::close(fd) == 0 && ok;
  if (ok && ::link(tmp.c_str(), path.c_str()) != 0 && errno != EEXIST) ok = false;
  ::unlink(tmp.c_str());
  return ok ? Status::Ok() : Status::IoError("cannot write " + path);
}

}  // namespace

Expected<std::string> LoadFingerprintKey(const PolicyOptions& policy) {
  if (!policy.fingerprint_key_file.empty()) {
    auto k = ReadIdSetKey(policy.fingerprint_key_file);
    if (!k.ok()) return Status::InvalidArgument("fingerprint_key: " + k.status().message());
    return k;
  }
  const std::string path = UserFingerprintKeyPath();
  if (path.empty()) return std::string();
  std::error_code ec;
  // A home that cannot hold the key (read-only, or none of this uid's: a container run as the
  // caller's uid, as pre-commit's docker_image hooks do) is treated like no home at all: the
  // secret's value is left out of its fingerprint, which is stable and gives nothing to test a
  // guess against. Failing the scan there would block every commit for no reason.
  if (!std::filesystem::exists(path, ec) && !CreateKey(path).ok()) return std::string();
  auto k = ReadIdSetKey(path);
  if (!k.ok()) return Status::InvalidArgument("fingerprint key: " + k.status().message());
  return k;
}

}  // namespace cg
