// ProgressDisplay: one self-redrawing line on stderr while a scan runs: items and bytes done,
// rate and time left (a sweep: repositories done of its shard's total, rate and time left).
// Reads the counters from its own thread (never blocks the workers); draws nothing until `delay`
// has passed, so short scans stay quiet, and clears its line when stopped.
//
// The CLI creates one only when cli/terminal says progress is wanted.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "engine/scan_progress.h"
#include "sweep/sweep_runner.h"

namespace cg {

class ProgressDisplay {
 public:
  // The line to draw after `seconds` of work, without terminal controls.
  using LineFn = std::function<std::string(double seconds)>;
  ProgressDisplay(LineFn line, std::chrono::milliseconds delay);
  ProgressDisplay(const ScanProgress& progress, std::chrono::milliseconds delay);
  ProgressDisplay(const SweepProgress& progress, std::chrono::milliseconds delay);
  ~ProgressDisplay();  // Stop()
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  // Clears the line and runs `write` (other output to the same terminal) while no frame can be
  // drawn; the next tick redraws the line. Thread-safe.
  void WithClearedLine(const std::function<void()>& write);
  // Stops the thread, draws the final counts when past the delay, and clears the line. Idempotent.
  void Stop();

  // The line for a snapshot, without terminal controls (exposed for tests).
  static std::string Format(uint64_t items_done, uint64_t items_total, uint64_t bytes_done, uint64_t bytes_total,
                            bool listed, double seconds);
  static std::string FormatSweep(uint64_t repositories_done, uint64_t repositories_total, uint64_t blobs_scanned,
                                 bool listed, double seconds);

 private:
  void Loop();
  void Draw();       // mu_ held
  void ClearLocked();  // mu_ held

  const LineFn line_;
  const std::chrono::milliseconds delay_;
  const std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool drawn_ = false;  // a line is on screen
  std::thread thread_;
};

// The delay before the first frame: 1 s, or COHORTGUARD_PROGRESS_DELAY_MS (tests, demos).
std::chrono::milliseconds ProgressDelay();

}  // namespace cg
