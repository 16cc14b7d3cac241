#include "policy/threshold.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(Threshold, ParsesTheFourWordsAndNamesTheSourceOfABadOne) {
  Threshold t;
  ASSERT_TRUE(ParseThreshold("low", "--fail-on", &t).ok());
  EXPECT_EQ(t, Threshold(Severity::kLow));
  ASSERT_TRUE(ParseThreshold("never", "--fail-on", &t).ok());
  EXPECT_EQ(t, std::nullopt);
  EXPECT_EQ(ThresholdName(t), "never");
  for (const char* bad : {"info", "HIGH", "", "sometimes"}) {
    Status s = ParseThreshold(bad, "remotes.fail_on.public", &t);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("remotes.fail_on.public must be high, medium, low or never"), std::string::npos);
  }
}

TEST(Threshold, BlocksAtOrAboveAndNeverBlocksNothing) {
  Finding medium;
  medium.severity = Severity::kMedium;
  EXPECT_TRUE(Blocks(medium, Severity::kLow));
  EXPECT_TRUE(Blocks(medium, Severity::kMedium));
  EXPECT_FALSE(Blocks(medium, Severity::kHigh));
  EXPECT_FALSE(Blocks(medium, std::nullopt));
}

}  // namespace
}  // namespace cg
