#include "source/name_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace cg {
namespace {

TEST(NameSet, AgreesWithStdSetThroughGrowthAndDuplicates) {
  std::mt19937_64 rng(11);
  std::vector<std::string> names = {"", "a", "ab", "a\0b", "README", "readme", "t", "t/", "x y"};
  names[3] = std::string("a\0b", 3);  // an embedded NUL is part of the name
  for (int i = 0; i < 4000; ++i) {
    std::string n(1 + rng() % 24, ' ');
    for (char& c : n) c = static_cast<char>('a' + rng() % 4);  // few letters: many near-duplicates
    names.push_back(n);
  }
  NameSet set;
  std::set<std::string> ref;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& n : names) {
      EXPECT_EQ(set.Insert(n), ref.insert(n).second) << "round " << round;
    }
  }
  EXPECT_EQ(set.size(), ref.size());
}

}  // namespace
}  // namespace cg
