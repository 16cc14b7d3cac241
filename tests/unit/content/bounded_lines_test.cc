// SPDX-License-Identifier: Apache-2.0
#include "content/bounded_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cg {
namespace {

std::vector<std::string> Lines(const std::string& data, size_t max_line, bool* finished = nullptr, int stop_after = -1) {
  MemoryStream in(data);
  std::vector<std::string> seen;
  auto r = ForEachBoundedLine(in, max_line, [&](std::string_view text, bool overlong) {
    seen.push_back(overlong ? "<overlong>" : std::string(text));
    return stop_after < 0 || static_cast<int>(seen.size()) < stop_after;
  });
  EXPECT_TRUE(r.ok());
  if (finished) *finished = r.ok() && *r;
  return seen;
}

TEST(BoundedLines, EveryLineTheLastWithoutNewlineAndOverlongOnesWithoutText) {
  EXPECT_EQ(Lines("a\nbb\nccc", 10), (std::vector<std::string>{"a", "bb", "ccc"}));
  EXPECT_EQ(Lines("a\n", 10), (std::vector<std::string>{"a", ""}));
  EXPECT_EQ(Lines("short\n" + std::string(50, 'x') + "\nok", 10),
            (std::vector<std::string>{"short", "<overlong>", "ok"}));
  // A line longer than one read chunk (64 KiB) is joined across reads.
  std::string big(200000, 'y');
  EXPECT_EQ(Lines(big + "\nz", 300000), (std::vector<std::string>{big, "z"}));
  EXPECT_EQ(Lines(big + "\nz", 100000), (std::vector<std::string>{"<overlong>", "z"}));
}

TEST(BoundedLines, TheCallbackStopsTheRead) {
  bool finished = true;
  EXPECT_EQ(Lines("a\nb\nc\n", 10, &finished, 2), (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(finished);
  Lines("a\nb", 10, &finished);
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace cg
