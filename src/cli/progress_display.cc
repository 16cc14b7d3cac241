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

std::string ProgressDisplay::FormatSweep(uint64_t done, uint64_t total, uint64_t blobs_scanned, bool listed,
                                         double seconds) {
  if (!listed) return "cohortguard: finding the repositories to sweep...";
  std::string s = "cohortguard: " + std::to_string(done) + "/" + std::to_string(total) + " repositories, " +
                  std::to_string(blobs_scanned) + " blobs read";
  if (seconds <= 0 || done == 0) return s;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f", static_cast<double>(done) / seconds);
  s += std::string(", ") + rate + " repositories/s";
  if (done <= total) s += ", ETA " + Duration(static_cast<double>(total - done) * seconds / static_cast<double>(done));
  return s;
}

ProgressDisplay::ProgressDisplay(LineFn line, std::chrono::milliseconds delay)
    : line_(std::move(line)), delay_(delay), start_(std::chrono::steady_clock::now()), thread_([this] { Loop(); }) {}

ProgressDisplay::ProgressDisplay(const ScanProgress& p, std::chrono::milliseconds delay)
    : ProgressDisplay(
          [&p](double secs) {
            const auto r = std::memory_order_relaxed;
            return Format(p.items_done.load(r), p.items_total.load(r), p.bytes_done.load(r), p.bytes_total.load(r),
                          p.listed.load(std::memory_order_acquire), secs);
          },
          delay) {}

ProgressDisplay::ProgressDisplay(const SweepProgress& p, std::chrono::milliseconds delay)
    : ProgressDisplay(
          [&p](double secs) {
            const auto r = std::memory_order_relaxed;
            return FormatSweep(p.repositories_done.load(r), p.repositories_total.load(r), p.blobs_scanned.load(r),
                               p.listed.load(std::memory_order_acquire), secs);
          },
          delay) {}

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
  WriteErr("\r\033[K" + line_(secs));
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
