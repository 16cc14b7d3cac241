#include "cli/progress_display.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace cg {
namespace {

constexpr auto kTick = std::chrono::milliseconds(200);

std::string Bytes(double b) {
  static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (b >= 1024 && u < 4) {
    b /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
  return buf;
}

std::string Duration(double s) {
  long t = static_cast<long>(s + 0.5);
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

void WriteErr(const std::string& s) {
  for (size_t done = 0; done < s.size();) {
    ssize_t n = ::write(2, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace

std::chrono::milliseconds ProgressDelay() {
  const char* v = std::getenv("COHORTGUARD_PROGRESS_DELAY_MS");
  if (v && *v) return std::chrono::milliseconds(std::strtol(v, nullptr, 10));
  return std::chrono::milliseconds(1000);
}

std::string ProgressDisplay::Format(uint64_t items_done, uint64_t items_total, uint64_t bytes_done,
                                    uint64_t bytes_total, bool listed, double seconds) {
  if (!listed) return "cohortguard: listing what to scan...";
  std::string s = "cohortguard: " + std::to_string(items_done) + "/" + std::to_string(items_total) + " items, " +
                  Bytes(static_cast<double>(bytes_done));
  if (bytes_total) s += "/" + Bytes(static_cast<double>(bytes_total));
  if (seconds <= 0) return s;
  const double rate = static_cast<double>(bytes_done) / seconds;
  s += ", " + Bytes(rate) + "/s";
  // Time left from bytes when sizes are known, else from items.
  double left = -1;
  if (bytes_total && bytes_done && bytes_done <= bytes_total)
    left = static_cast<double>(bytes_total - bytes_done) / rate;
  else if (items_done && items_done <= items_total)
    left = static_cast<double>(items_total - items_done) * seconds / static_cast<double>(items_done);
  if (left >= 0) s += ", ETA " + Duration(left);
  return s;
}

ProgressDisplay::ProgressDisplay(const ScanProgress& progress, std::chrono::milliseconds delay)
    : progress_(progress), delay_(delay), start_(std::chrono::steady_clock::now()), thread_([this] { Loop(); }) {}

ProgressDisplay::~ProgressDisplay() { Stop(); }

void ProgressDisplay::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  if (cv_.wait_for(lock, delay_, [this] { return stop_; })) return;
  while (!stop_) {
    Draw();
    cv_.wait_for(lock, kTick, [this] { return stop_; });
  }
}

void ProgressDisplay::Draw() {
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const auto r = std::memory_order_relaxed;
  const bool listed = progress_.listed.load(std::memory_order_acquire);
  std::string line = Format(progress_.items_done.load(r), progress_.items_total.load(r), progress_.bytes_done.load(r),
                            progress_.bytes_total.load(r), listed, secs);
  WriteErr("\r\033[K" + line);
  drawn_ = true;
}

void ProgressDisplay::ClearLocked() {
  if (drawn_) WriteErr("\r\033[K");
  drawn_ = false;
}

void ProgressDisplay::WithClearedLine(const std::function<void()>& write) {
  std::lock_guard<std::mutex> lock(mu_);
  ClearLocked();
  write();
}

void ProgressDisplay::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  // Past the delay, the final counts are drawn once (a short scan's only frame) before clearing.
  if (std::chrono::steady_clock::now() - start_ >= delay_) Draw();
  ClearLocked();
}

}  // namespace cg
