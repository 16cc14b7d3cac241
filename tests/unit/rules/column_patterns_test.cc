// ColumnPatterns compiles its set on first use; a set too large for RE2's budget falls back to
// one pattern at a time instead of losing matches.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace cg {
namespace {

ColumnPatterns Make(const std::vector<std::string>& sources) {
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  ColumnPatterns p;
  p.set = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
  for (const auto& s : sources) {
    EXPECT_GE(p.set->Add(s, nullptr), 0) << s;
    p.sources.push_back(s);
  }
  return p;
}

TEST(ColumnPatterns, MatchesAfterLazyCompile) {
  ColumnPatterns p = Make({"eid", "participant_?id"});
  EXPECT_TRUE(p.Matches("eid"));
  EXPECT_TRUE(p.Matches("participant_id"));
  EXPECT_FALSE(p.Matches("gene"));
}

TEST(ColumnPatterns, SetTooLargeFallsBackToEachPattern) {
  // Each pattern compiles alone; twenty together exceed the set's memory budget.
  std::vector<std::string> big;
  for (int i = 0; i < 20; ++i) big.push_back("\\pL{200}x" + std::to_string(i));
  big.push_back("eid");
  ColumnPatterns precondition = Make(big);
  ASSERT_FALSE(precondition.set->Compile()) << "the set must exceed RE2's budget for this test to mean anything";
  ColumnPatterns p = Make(big);
  EXPECT_TRUE(p.Matches("eid"));
  EXPECT_TRUE(p.Matches(std::string(200, 'k') + "x7"));
  EXPECT_FALSE(p.Matches("gene"));
}

}  // namespace
}  // namespace cg
