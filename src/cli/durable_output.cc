#include "cli/durable_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "sweep/sweep_state.h"

namespace cg {
namespace {

std::string Name(const std::string& path) { return path.empty() ? "stdout" : path; }

Status Errno(const std::string& what, const std::string& path) {
  return Status::IoError("cannot " + what + " " + Name(path) + ": " + std::strerror(errno));
}

Status WriteAll(int fd, const std::string& text, const std::string& path) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Errno("write", path);
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

// fsync, except where durability is not the file system's to give (pipes, terminals).
Status Sync(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return Errno("stat", path);
  if (!S_ISREG(st.st_mode)) return Status::Ok();
  if (fsync(fd) != 0) return Errno("fsync", path);
  return Status::Ok();
}

}  // namespace

Status WriteDurably(const std::string& path, const std::string& text) {
  MaybeInjectFault("report-write");
  if (path.empty()) {
    std::cout.flush();
    Status st = WriteAll(STDOUT_FILENO, text, path);
    if (st.ok()) st = Sync(STDOUT_FILENO, path);
    if (st.ok()) MaybeInjectFault("report-durable");
    return st;
  }
  const std::filesystem::path target(path);
  const std::string tmp = path + ".partial-" + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("create", tmp);
  Status st = WriteAll(fd, text, tmp);
  if (st.ok() && fsync(fd) != 0) st = Errno("fsync", tmp);
  if (::close(fd) != 0 && st.ok()) st = Errno("close", tmp);
  if (st.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) st = Errno("rename " + tmp + " to", path);
  if (!st.ok()) {
    ::unlink(tmp.c_str());
    return st;
  }
  // The rename is durable once the folder holding the new name is.
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return Errno("open folder", dir);
  st = fsync(dfd) == 0 ? Status::Ok() : Errno("fsync folder", dir);
  ::close(dfd);
  if (st.ok()) MaybeInjectFault("report-durable");
  return st;
}

Expected<DurableAppender> DurableAppender::Open(const std::string& path) {
  if (path.empty()) return DurableAppender(STDOUT_FILENO, false, path);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("open", path);
  return DurableAppender(fd, true, path);
}

DurableAppender::~DurableAppender() {
  if (owned_) ::close(fd_);
}

Status DurableAppender::Append(const std::string& chunk) {
  MaybeInjectFault("report-write");
  struct stat before {};
  const bool regular = fstat(fd_, &before) == 0 && S_ISREG(before.st_mode);
  if (fd_ == STDOUT_FILENO) std::cout.flush();
  Status st = WriteAll(fd_, chunk, path_);
  if (st.ok()) st = Sync(fd_, path_);
  if (!st.ok()) {
    if (regular && ftruncate(fd_, before.st_size) != 0)
      return Status::IoError(st.message() + "; and cannot cut the partial write off again: " + std::strerror(errno));
    return st;
  }
  MaybeInjectFault("report-durable");
  return Status::Ok();
}

}  // namespace cg
