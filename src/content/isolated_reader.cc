#include "content/isolated_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

// Sanitizer runtimes (fuzz builds) call this death callback on an error; libFuzzer uses it to
// write a crash reproducer, which a child's contained crash must not do. Absent in normal builds.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));
// Under AddressSanitizer the child cannot have an address-space limit; these let it count its
// live heap bytes instead (see AllocationBudget).
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*, size_t),
                                                         void (*free_hook)(const volatile void*)) __attribute__((weak));
extern "C" size_t __sanitizer_get_allocated_size(const volatile void* p) __attribute__((weak));

namespace cg {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// The answer on the pipe: the tables, then the status, all length-prefixed.
void PutU64(std::string& o, uint64_t v) { o.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutString(std::string& o, const std::string& s) {
  PutU64(o, s.size());
  o += s;
}

class Wire {
 public:
  explicit Wire(std::string_view d) : d_(d) {}
  bool U64(uint64_t* v) {
    if (d_.size() < sizeof *v) return false;
    std::memcpy(v, d_.data(), sizeof *v);
    d_.remove_prefix(sizeof *v);
    return true;
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!U64(&n) || d_.size() < n) return false;
    s->assign(d_.substr(0, n));
    d_.remove_prefix(n);
    return true;
  }
  bool Strings(std::vector<std::string>* v) {
    uint64_t n;
    if (!U64(&n) || n > d_.size()) return false;
    v->resize(n);
    for (auto& s : *v)
      if (!String(&s)) return false;
    return true;
  }

 private:
  std::string_view d_;
};

std::string Encode(const std::vector<NamedTable>& tables, const Status& status) {
  std::string o;
  PutU64(o, tables.size());
  for (const auto& t : tables) {
    PutString(o, t.member);
    PutString(o, t.table.format);
    PutU64(o, t.table.has_header);
    PutU64(o, t.table.header.size());
    for (const auto& h : t.table.header) PutString(o, h);
    PutU64(o, static_cast<uint64_t>(t.table.row_count));
    PutU64(o, t.table.rows.size());
    for (const auto& row : t.table.rows) {
      PutU64(o, row.size());
      for (const auto& c : row) PutString(o, c);
    }
  }
  PutU64(o, static_cast<uint64_t>(status.code()));
  PutString(o, status.message());
  return o;
}

Status Decode(const char* library, std::string_view bytes, std::vector<NamedTable>* tables) {
  Wire w(bytes);
  uint64_t n = 0;
  auto broken = [&] { return Status::IoError(std::string("the isolated ") + library + " process gave a garbled answer"); };
  if (!w.U64(&n) || n > bytes.size()) return broken();
  for (uint64_t i = 0; i < n; ++i) {
    NamedTable t;
    uint64_t has_header = 1, count = 0, rows = 0;
    if (!w.String(&t.member) || !w.String(&t.table.format) || !w.U64(&has_header) || !w.Strings(&t.table.header) ||
        !w.U64(&count) || !w.U64(&rows) || rows > bytes.size())
      return broken();
    t.table.has_header = has_header != 0;
    t.table.row_count = static_cast<int64_t>(count);
    t.table.rows.resize(rows);
    for (auto& row : t.table.rows)
      if (!w.Strings(&row)) return broken();
    tables->push_back(std::move(t));
  }
  uint64_t code = 0;
  std::string message;
  if (!w.U64(&code) || !w.String(&message)) return broken();
  switch (static_cast<StatusCode>(code)) {
    case StatusCode::kOk: return Status::Ok();
    case StatusCode::kLimitExceeded: return Status::LimitExceeded(message);
    case StatusCode::kUnsupported: return Status::Unsupported(message);
    case StatusCode::kIoError: return Status::IoError(message);
    default: return Status::Corrupt(message);
  }
}

// The child's virtual size now, from /proc/self/statm (0 when unknown).
size_t VirtualSize() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long pages = 0;
  if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
  std::fclose(f);
  return pages * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// What RLIMIT_AS does in a normal build, for a sanitizer build: the child exits (as a library
// past its memory limit would fail) once its live heap passes the same limit, instead of paging
// through gigabytes until the deadline.
size_t g_heap_limit = 0;
size_t g_heap_live = 0;
void CountMalloc(const volatile void*, size_t size) {
  g_heap_live += size;
  if (g_heap_live > g_heap_limit) _exit(3);
}
void CountFree(const volatile void* p) {
  size_t size = p ? __sanitizer_get_allocated_size(p) : 0;
  g_heap_live = size > g_heap_live ? 0 : g_heap_live - size;
}

void LimitMemory(size_t input_bytes) {
  const size_t budget = 2 * input_bytes + kIsolatedHeadroom;
  if (kAddressSanitizer) {
    if (!__sanitizer_install_malloc_and_free_hooks || !__sanitizer_get_allocated_size) return;
    g_heap_limit = budget;
    __sanitizer_install_malloc_and_free_hooks(CountMalloc, CountFree);
    return;
  }
  size_t now = VirtualSize();
  if (now == 0) return;
  rlimit lim;
  lim.rlim_cur = lim.rlim_max = now + budget;
  setrlimit(RLIMIT_AS, &lim);
}

[[noreturn]] void RunChild(int fd, size_t input_bytes, const std::function<Status(std::vector<NamedTable>*)>& run) {
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(nullptr);
  LimitMemory(input_bytes);
  std::vector<NamedTable> tables;
  Status s = run(&tables);
  std::string out = Encode(tables, s);
  size_t done = 0;
  while (done < out.size()) {
    ssize_t w = write(fd, out.data() + done, out.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) _exit(2);
    done += static_cast<size_t>(w);
  }
  _exit(0);
}

}  // namespace

Status ReadIsolated(const char* library, size_t input_bytes, int seconds,
                    const std::function<Status(std::vector<NamedTable>*)>& run, std::vector<NamedTable>* out) {
  const std::string who = library;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::IoError(who + " reader: pipe: " + std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::IoError(who + " reader: fork: " + std::strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(fds[1], input_bytes, run);
  }
  close(fds[1]);
  std::string answer;
  bool timed_out = false, too_big = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buf[1 << 16];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      timed_out = r == 0;
      break;
    }
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    answer.append(buf, static_cast<size_t>(n));
    if (answer.size() > kMaxIsolatedAnswer) {
      too_big = true;
      break;
    }
  }
  close(fds[0]);
  if (timed_out || too_big) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) return Status::LimitExceeded(who + " did not finish within " + std::to_string(seconds) + " s: not read");
  if (too_big) return Status::LimitExceeded(who + " returned more sampled data than the reader keeps: not read");
  if (WIFSIGNALED(status))
    return Status::Corrupt(who + " crashed on this file (signal " + std::to_string(WTERMSIG(status)) +
                           "; damaged or crafted, or past the memory limit): not read");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Status::Corrupt(who + " failed on this file (exit " + std::to_string(WEXITSTATUS(status)) +
                           "; damaged or crafted): not read");
  return Decode(library, answer, out);
}

}  // namespace cg
