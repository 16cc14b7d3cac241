#include "sweep/provenance.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(Provenance, WebAddressOfEveryRemoteFormDropsCredentials) {
  EXPECT_EQ(WebAddress("https://x-access-token:SECRET@github.example.invalid/lab/study.git"),
            "https://github.example.invalid/lab/study");
  EXPECT_EQ(WebAddress("git@github.example.invalid:lab/study.git"), "https://github.example.invalid/lab/study");
  EXPECT_EQ(WebAddress("ssh://git@github.example.invalid:22/lab/study"), "https://github.example.invalid/lab/study");
  EXPECT_EQ(WebAddress("/srv/mirrors/study.git"), "");
  EXPECT_EQ(WebAddress("file:///srv/mirrors/study.git"), "");
  EXPECT_EQ(WebAddress(""), "");
}

TEST(Provenance, PermalinkEncodesThePathAndFallsBackToTheCommit) {
  const std::string c(40, 'a');
  EXPECT_EQ(Permalink("https://h.example.invalid/o/r", c, "data/my cohort#1.csv"),
            "https://h.example.invalid/o/r/blob/" + c + "/data/my%20cohort%231.csv");
  EXPECT_EQ(Permalink("https://h.example.invalid/o/r", c, "\"caf\\303\\251.csv\""), "https://h.example.invalid/o/r/commit/" + c);
  EXPECT_EQ(Permalink("", c, "a.csv"), "");
  EXPECT_EQ(Permalink("https://h.example.invalid/o/r", "", "a.csv"), "");
}

TEST(Provenance, IsoUtc) {
  EXPECT_EQ(IsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(IsoUtc(1709632800), "2024-03-05T10:00:00Z");
}

}  // namespace
}  // namespace cg
