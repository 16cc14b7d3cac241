// Durable report output for sweeps: what the sweep state marks delivered must still be on disk
// after a crash or a power cut, so the state is told only after these return ok.
//
// WriteDurably: the whole report to a temporary file beside the target, fsync, rename over the
// target, fsync of its folder: the target holds the old report or the new one, never half.
// DurableAppender: a streamed report (jsonl). Each chunk (one repository's findings) is written
// and fsynced before the next; a chunk that fails part way is cut off again, so the file never
// ends in half a finding. A file is appended to, never truncated: a rerun after a crash
// continues the report the killed run started.
// Without a path both write to stdout: flushed, and fsynced when stdout is a regular file (a
// pipe or terminal cannot be made durable; the reader has it once the write returns).
#pragma once

#include <string>

#include "core/status.h"

namespace cg {

Status WriteDurably(const std::string& path, const std::string& text);

class DurableAppender {
 public:
  // Opens `path` for appending (created if missing); "" is stdout.
  static Expected<DurableAppender> Open(const std::string& path);
  DurableAppender(DurableAppender&& other) noexcept : fd_(other.fd_), owned_(other.owned_), path_(other.path_) {
    other.owned_ = false;
  }
  DurableAppender(const DurableAppender&) = delete;
  ~DurableAppender();

  Status Append(const std::string& chunk);

 private:
  DurableAppender(int fd, bool owned, std::string path) : fd_(fd), owned_(owned), path_(std::move(path)) {}
  int fd_;
  bool owned_;
  std::string path_;
};

}  // namespace cg
