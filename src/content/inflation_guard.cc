#include "content/inflation_guard.h"

#include <cstdio>

namespace cg {

std::string HumanBytes(uint64_t n) {
  static const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  double v = static_cast<double>(n);
  while (v >= 1024 && unit < 4) {
    v /= 1024;
    ++unit;
  }
  char buf[64];
  if (unit == 0 || v == static_cast<double>(static_cast<uint64_t>(v)))
    std::snprintf(buf, sizeof buf, "%llu %s", static_cast<unsigned long long>(v), kUnits[unit]);
  else
    std::snprintf(buf, sizeof buf, "%.1f %s", v, kUnits[unit]);
  return buf;
}

Status InflationGuard::Account(uint64_t in, uint64_t out) {
  in_ += in;
  out_ += out;
  budget_.decompressed_bytes += out;
  if (budget_.decompressed_bytes > limits_.max_total_bytes) {
    budget_.limit_hit = true;
    return Status::LimitExceeded("decompressed more than the " + HumanBytes(limits_.max_total_bytes) +
                                 " limit per item (in " + what_ + ")");
  }
  if (out_ >= limits_.ratio_min_bytes && static_cast<double>(out_) > limits_.max_ratio * static_cast<double>(in_)) {
    budget_.limit_hit = true;
    budget_.bomb_suspected = true;
    return Status::LimitExceeded("suspected decompression bomb: " + what_ + " expanded " +
                                 HumanBytes(in_) + " to more than " + HumanBytes(out_) +
                                 " (ratio above " + std::to_string(static_cast<int>(limits_.max_ratio)) + ":1)");
  }
  return Status::Ok();
}

}  // namespace cg
