// MemoryFile: bytes already in memory, given a file name for libraries that open only paths
// (FreeXL, matio). The bytes go into an anonymous memory file (memfd_create, sealed against
// writes): nothing is written to a disk or appears in any folder, and the name
// (/proc/self/fd/N) is valid only inside this process, until the object is destroyed.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace cg {

class MemoryFile {
 public:
  MemoryFile() = default;
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  ~MemoryFile();

  // Copies `data` into a new memory file; `label` names it in /proc (debugging only).
  Status Open(std::string_view data, const char* label);
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace cg
