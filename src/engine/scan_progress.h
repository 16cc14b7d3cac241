// ScanProgress: counters the engine bumps as it works, read by a progress display on another
// thread. Lock-free (relaxed atomics); readers see a consistent-enough snapshot for a display,
// never for accounting (ScanStats is the account).
#pragma once

#include <atomic>
#include <cstdint>

namespace cg {

struct ScanProgress {
  std::atomic<bool> listed{false};           // enumeration finished: the totals are known
  std::atomic<uint64_t> items_total{0};
  std::atomic<uint64_t> bytes_total{0};      // sum of the sizes the source knew in advance
  std::atomic<uint64_t> items_done{0};
  std::atomic<uint64_t> bytes_done{0};

  void Listed(uint64_t items, uint64_t bytes) {
    items_total.store(items, std::memory_order_relaxed);
    bytes_total.store(bytes, std::memory_order_relaxed);
    listed.store(true, std::memory_order_release);
  }
  void ItemDone(uint64_t bytes) {
    bytes_done.fetch_add(bytes, std::memory_order_relaxed);
    items_done.fetch_add(1, std::memory_order_relaxed);
  }
};

}  // namespace cg
