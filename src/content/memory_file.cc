#include "content/memory_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cg {

MemoryFile::~MemoryFile() {
  if (fd_ >= 0) close(fd_);
}

Status MemoryFile::Open(std::string_view data, const char* label) {
  fd_ = memfd_create(label, MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd_ < 0) return Status::IoError(std::string("cannot create a memory file: ") + std::strerror(errno));
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd_, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(std::string("cannot fill a memory file: ") + std::strerror(errno));
    done += static_cast<size_t>(n);
  }
  // The library reading it gets a file that cannot grow, shrink or change.
  fcntl(fd_, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
  path_ = "/proc/self/fd/" + std::to_string(fd_);
  return Status::Ok();
}

}  // namespace cg
