#include "core/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cg {

Expected<size_t> ViewStream::Read(char* buf, size_t n) {
  size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

Expected<std::unique_ptr<FileStream>> FileStream::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open: " + std::string(std::strerror(errno)));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return Status::IoError("cannot stat: " + std::string(std::strerror(e)));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::IoError("is a directory");
  }
  return std::unique_ptr<FileStream>(new FileStream(fd, path, static_cast<int64_t>(st.st_size)));
}

FileStream::~FileStream() { ::close(fd_); }

Expected<size_t> FileStream::Read(char* buf, size_t n) {
  for (;;) {
    ssize_t r = ::read(fd_, buf, n);
    if (r >= 0) return static_cast<size_t>(r);
    if (errno == EINTR) continue;
    return Status::IoError("read failed: " + std::string(std::strerror(errno)));
  }
}

Expected<std::string> ReadAll(ByteStream& s, size_t limit) {
  std::string out;
  char buf[64 * 1024];
  for (;;) {
    auto r = s.Read(buf, sizeof buf);
    if (!r.ok()) return r.status();
    if (*r == 0) return out;
    if (out.size() + *r > limit) return Status::LimitExceeded("more than " + std::to_string(limit) + " bytes");
    out.append(buf, *r);
  }
}

}  // namespace cg
