#include "cli/progress_display.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(ProgressDisplay, FormatsItemsBytesRateAndTimeLeft) {
  struct Case {
    uint64_t items_done, items_total, bytes_done, bytes_total;
    bool listed;
    double seconds;
    std::string want;
  } cases[] = {
      {0, 0, 0, 0, false, 1, "cohortguard: listing what to scan..."},
      {10, 40, 1 << 20, 4 << 20, true, 2, "cohortguard: 10/40 items, 1.0 MiB/4.0 MiB, 512.0 KiB/s, ETA 0:06"},
      // sizes unknown (git blobs before reading): time left from items
      {25, 100, 3000, 0, true, 5, "cohortguard: 25/100 items, 2.9 KiB, 600 B/s, ETA 0:15"},
      {1, 7200, 100, 0, true, 1, "cohortguard: 1/7200 items, 100 B, 100 B/s, ETA 1:59:59"},
      {0, 5, 0, 0, true, 0, "cohortguard: 0/5 items, 0 B"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(ProgressDisplay::Format(c.items_done, c.items_total, c.bytes_done, c.bytes_total, c.listed, c.seconds), c.want);
}

TEST(ProgressDisplay, FormatsSweepRepositoriesRateAndTimeLeft) {
  EXPECT_EQ(ProgressDisplay::FormatSweep(0, 0, 0, false, 0.5), "cohortguard: finding the repositories to sweep...");
  EXPECT_EQ(ProgressDisplay::FormatSweep(0, 300, 0, true, 0.5), "cohortguard: 0/300 repositories, 0 blobs read");
  EXPECT_EQ(ProgressDisplay::FormatSweep(30, 300, 1200, true, 10),
            "cohortguard: 30/300 repositories, 1200 blobs read, 3.0 repositories/s, ETA 1:30");
  EXPECT_EQ(ProgressDisplay::FormatSweep(300, 300, 9800, true, 100),
            "cohortguard: 300/300 repositories, 9800 blobs read, 3.0 repositories/s, ETA 0:00");
}

}  // namespace
}  // namespace cg
