// git_command: runs the git binary for what libgit2 (1.5) cannot read: shallow clones' commit
// walks, split and sparse indexes, SHA-256 repositories. The git binary is always there when a
// hook runs (git runs the hook), and on every machine that cloned the repository.
//
// The child runs `git -C REPO ...` with no shell, optional locks off (it never rewrites the
// index), replace refs off (what a replace ref hides is still content) and no terminal prompt.
// Outside hooks the GIT_DIR family of variables is removed from its environment, so it reads
// the repository the caller named, as libgit2 does; in hooks (OpenRepositoriesFromEnvironment)
// it keeps them, and so sees the temporary index and the quarantined objects git describes.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace cg::git {

// Runs git with `args` in `repo_path`, feeding `input` on stdin, and returns its stdout. A
// failure to start, a signal or a non-zero exit is an IoError naming the command and quoting
// the first line of git's stderr. `timeout_ms` > 0: git runs in a process group of its own,
// which is killed when it has not finished by then (an IoError that says so).
Expected<std::string> RunGit(const std::string& repo_path, const std::vector<std::string>& args,
                             const std::string& input = "", int64_t timeout_ms = 0);

// A long-running git child that is fed requests on stdin and answers on stdout
// (`git cat-file --batch`). Move-only; the destructor closes stdin and reaps the child.
// Thread-safety: one thread at a time.
class GitPipe {
 public:
  static Expected<std::unique_ptr<GitPipe>> Start(const std::string& repo_path, const std::vector<std::string>& args);
  ~GitPipe();
  GitPipe(const GitPipe&) = delete;
  GitPipe& operator=(const GitPipe&) = delete;

  Status Write(const std::string& bytes);
  // One line of output without its '\n'; IoError at end of output.
  Expected<std::string> ReadLine();
  // Exactly `n` bytes of output.
  Expected<std::string> ReadBytes(size_t n);
  const std::string& command() const { return command_; }

 private:
  GitPipe() = default;
  Status Fill();  // reads more output into buffer_

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string buffer_;
  size_t pos_ = 0;
  std::string command_;
};

}  // namespace cg::git
