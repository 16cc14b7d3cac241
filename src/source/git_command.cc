#include "source/git_command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <tuple>

#include "source/git_handle.h"

extern char** environ;

namespace cg::git {
namespace {

// Variables that would make git read another repository than the one named with -C.
constexpr const char* kRepositoryVariables[] = {
    "GIT_DIR=", "GIT_WORK_TREE=", "GIT_INDEX_FILE=", "GIT_OBJECT_DIRECTORY=", "GIT_ALTERNATE_OBJECT_DIRECTORIES=",
    "GIT_NAMESPACE=", "GIT_COMMON_DIR=", "GIT_QUARANTINE_PATH=", "GIT_PREFIX="};

std::vector<std::string> ChildEnvironment() {
  std::vector<std::string> env;
  const bool keep_repository = OpeningRepositoriesFromEnvironment();
  for (char** e = environ; *e; ++e) {
    std::string v(*e);
    bool drop = v.rfind("GIT_NO_REPLACE_OBJECTS=", 0) == 0 || v.rfind("GIT_OPTIONAL_LOCKS=", 0) == 0 ||
                v.rfind("GIT_TERMINAL_PROMPT=", 0) == 0;
    if (!keep_repository)
      for (const char* name : kRepositoryVariables) drop = drop || v.rfind(name, 0) == 0;
    if (!drop) env.push_back(std::move(v));
  }
  if (keep_repository && !IndexFileFromEnvironment().empty())
    env.push_back("GIT_INDEX_FILE=" + IndexFileFromEnvironment());
  env.push_back("GIT_NO_REPLACE_OBJECTS=1");
  env.push_back("GIT_OPTIONAL_LOCKS=0");
  env.push_back("GIT_TERMINAL_PROMPT=0");
  return env;
}

std::string Describe(const std::vector<std::string>& args) {
  std::string s = "git";
  for (const auto& a : args) s += " " + a;
  return s;
}

struct Child {
  pid_t pid = -1;
  int in = -1, out = -1, err = -1;
};

// Starts `git -C repo_path args...` with pipes on stdin, stdout and (when `capture_err`) stderr.
// `own_group`: in a process group of its own, so that a timeout can stop git and its helpers
// (remote-https, index-pack) together.
Expected<Child> Spawn(const std::string& repo_path, const std::vector<std::string>& args, bool capture_err,
                      bool own_group = false) {
  int in[2], out[2], err[2] = {-1, -1};
  if (pipe2(in, O_CLOEXEC) != 0) return Status::IoError(std::string("cannot run git: ") + std::strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    return Status::IoError(std::string("cannot run git: ") + std::strerror(errno));
  }
  if (capture_err && pipe2(err, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    return Status::IoError(std::string("cannot run git: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  if (capture_err) posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  else posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);

  std::vector<std::string> argv_s{"git", "-C", repo_path};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s = ChildEnvironment();
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (own_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  Child c;
  int rc = posix_spawnp(&c.pid, "git", &fa, &attr, argv.data(), envp.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]), close(out[1]);
  if (capture_err) close(err[1]);
  if (rc != 0) {
    close(in[1]), close(out[0]);
    if (capture_err) close(err[0]);
    return Status::IoError("cannot run " + Describe(args) + ": " + std::strerror(rc) +
                           (rc == ENOENT ? " (is git installed and on PATH?)" : ""));
  }
  c.in = in[1], c.out = out[0], c.err = capture_err ? err[0] : -1;
  return c;
}

// "exited with status N" / "was killed by signal N", or "" for success.
std::string WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "exited with status " + std::to_string(WEXITSTATUS(status));
}

}  // namespace

Expected<std::string> RunGit(const std::string& repo_path, const std::vector<std::string>& args,
                             const std::string& input, int64_t timeout_ms) {
  auto child = Spawn(repo_path, args, /*capture_err=*/true, /*own_group=*/timeout_ms > 0);
  if (!child.ok()) return child.status();
  // A SIGPIPE from a child that exits before reading all its input must not kill us.
  signal(SIGPIPE, SIG_IGN);
  std::string out, err;
  size_t written = 0;
  int in = child->in;
  if (input.empty()) close(in), in = -1;
  char buf[65536];
  int open_outputs = 2;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool timed_out = false;
  while (open_outputs > 0 || in >= 0) {
    pollfd fds[3];
    int n = 0;
    int out_i = -1, err_i = -1, in_i = -1;
    if (child->out >= 0) fds[out_i = n++] = {child->out, POLLIN, 0};
    if (child->err >= 0) fds[err_i = n++] = {child->err, POLLIN, 0};
    if (in >= 0) fds[in_i = n++] = {in, POLLOUT, 0};
    int wait_ms = -1;
    if (timeout_ms > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      wait_ms = static_cast<int>(std::max<int64_t>(0, left.count()));
    }
    const int ready = poll(fds, n, wait_ms);
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (ready == 0 && timeout_ms > 0) {
      timed_out = true;
      kill(-child->pid, SIGKILL);
      break;
    }
    if (in_i >= 0 && fds[in_i].revents) {
      ssize_t w = write(in, input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 || written == input.size()) close(in), in = -1;
    }
    for (auto [i, fd, sink] : {std::tuple{out_i, &child->out, &out}, std::tuple{err_i, &child->err, &err}}) {
      if (i < 0 || !fds[i].revents) continue;
      ssize_t r = read(*fd, buf, sizeof buf);
      if (r > 0) sink->append(buf, static_cast<size_t>(r));
      else if (r == 0 || errno != EINTR) close(*fd), *fd = -1, --open_outputs;
    }
  }
  if (in >= 0) close(in);
  for (int* fd : {&child->out, &child->err})
    if (*fd >= 0) close(*fd), *fd = -1;
  std::string failed = WaitFor(child->pid);
  if (timed_out) return Status::IoError(Describe(args) + " took longer than " + std::to_string(timeout_ms / 1000) + " s and was stopped");
  if (!failed.empty()) {
    std::string first = err.substr(0, err.find('\n'));
    return Status::IoError(Describe(args) + " " + failed + (first.empty() ? "" : ": " + first));
  }
  return out;
}

Expected<std::unique_ptr<GitPipe>> GitPipe::Start(const std::string& repo_path, const std::vector<std::string>& args) {
  auto child = Spawn(repo_path, args, /*capture_err=*/false);
  if (!child.ok()) return child.status();
  signal(SIGPIPE, SIG_IGN);
  std::unique_ptr<GitPipe> p(new GitPipe());
  p->pid_ = child->pid;
  p->in_ = child->in;
  p->out_ = child->out;
  p->command_ = Describe(args);
  return p;
}

GitPipe::~GitPipe() {
  if (in_ >= 0) close(in_);
  if (out_ >= 0) close(out_);
  if (pid_ > 0) WaitFor(pid_);
}

Status GitPipe::Write(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = write(in_, bytes.data() + done, bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return Status::IoError(command_ + " stopped reading its input: " + std::strerror(errno));
    done += static_cast<size_t>(w);
  }
  return Status::Ok();
}

Status GitPipe::Fill() {
  if (pos_ > 0 && pos_ == buffer_.size()) buffer_.clear(), pos_ = 0;
  char buf[65536];
  for (;;) {
    ssize_t r = read(out_, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return Status::IoError(command_ + " ended early");
    buffer_.append(buf, static_cast<size_t>(r));
    return Status::Ok();
  }
}

Expected<std::string> GitPipe::ReadLine() {
  for (;;) {
    size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      std::string line = buffer_.substr(pos_, nl - pos_);
      pos_ = nl + 1;
      return line;
    }
    if (Status s = Fill(); !s.ok()) return s;
  }
}

Expected<std::string> GitPipe::ReadBytes(size_t n) {
  std::string out;
  out.reserve(n);
  while (out.size() < n) {
    if (pos_ == buffer_.size())
      if (Status s = Fill(); !s.ok()) return s;
    size_t take = std::min(n - out.size(), buffer_.size() - pos_);
    out.append(buffer_, pos_, take);
    pos_ += take;
  }
  return out;
}

}  // namespace cg::git
