// InflationGuard: the limits every decompressing reader applies to the bytes it produces.
//
// One guard per decompressing stream (a gzip stream, one archive). It adds what the stream
// produces to the item's shared ContentBudget, so nested containers (a .gz inside a .zip inside a
// .tar) share one `max_total_bytes`, and it judges the stream's own ratio of produced to consumed
// bytes once more than `ratio_min_bytes` came out, which is what stops a 42.zip-style bomb long
// before its petabytes. Messages of a suspected bomb start with "suspected decompression bomb" so
// that the engine (and a reader of the report) can tell them from a plain size limit.
// Not thread-safe: used by the one worker that expands the item.
#pragma once

#include <cstdint>
#include <string>

#include "content/content_reader.h"
#include "core/status.h"

namespace cg {

class InflationGuard {
 public:
  // `what` names the stream kind in messages ("gzip", "zip member").
  InflationGuard(const ContentLimits& limits, ContentBudget& budget, std::string what)
      : limits_(limits), budget_(budget), what_(std::move(what)) {}

  // Records `in` more compressed bytes consumed and `out` more bytes produced. Returns
  // LimitExceeded once the item's total or this stream's ratio is past its limit; the caller
  // stops producing and hands the status on.
  Status Account(uint64_t in, uint64_t out);

  uint64_t consumed() const { return in_; }
  uint64_t produced() const { return out_; }

 private:
  const ContentLimits& limits_;
  ContentBudget& budget_;
  std::string what_;
  uint64_t in_ = 0;
  uint64_t out_ = 0;
};

// "4 GiB", "64 MiB", "512 bytes": sizes in messages.
std::string HumanBytes(uint64_t n);

}  // namespace cg
