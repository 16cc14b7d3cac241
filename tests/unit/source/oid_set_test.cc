#include "source/oid_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace cg {
namespace {

git_oid Id(std::mt19937_64& rng) {
  git_oid id;
  for (auto& b : id.id) b = static_cast<unsigned char>(rng());
  return id;
}

TEST(OidSet, AgreesWithStdSetThroughGrowthAndDuplicates) {
  std::mt19937_64 rng(7);
  std::vector<git_oid> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(Id(rng));
  // Ids that share their first 8 bytes (the hash) collide in the table and must stay apart.
  for (int i = 0; i < 50; ++i) {
    git_oid twin = ids[static_cast<size_t>(i)];
    twin.id[19] ^= 1;
    ids.push_back(twin);
  }
  OidSet set;
  std::set<std::string> ref;
  for (int round = 0; round < 2; ++round) {
    for (const git_oid& id : ids) {
      bool fresh = ref.insert(std::string(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ)).second;
      EXPECT_EQ(set.Insert(id), fresh);
    }
  }
  EXPECT_EQ(set.size(), ref.size());
  for (const git_oid& id : ids) EXPECT_TRUE(set.Contains(id));
  EXPECT_FALSE(set.Contains(Id(rng)));
}

TEST(OidSet, TheAllZeroIdIsAMemberLikeAnyOther) {
  OidSet set;
  git_oid zero{};
  EXPECT_FALSE(set.Contains(zero));
  EXPECT_TRUE(set.Insert(zero));
  EXPECT_FALSE(set.Insert(zero));
  EXPECT_TRUE(set.Contains(zero));
  EXPECT_EQ(set.size(), 1u);
}

}  // namespace
}  // namespace cg
