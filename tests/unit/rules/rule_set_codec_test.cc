#include "rules/rule_set_codec.h"

#include <gtest/gtest.h>

#include "rules/rule_loader.h"

namespace cg {
namespace {

// The built-in packs loaded from their YAML here, as a build without the bytes would.
RuleSet FromYaml() {
  RuleSet set;
  for (const RuleSource& s : DefaultRuleSources()) {
    Status st = LoadRulePack(s, &set);
    EXPECT_TRUE(st.ok()) << st.message();
  }
  return set;
}

TEST(RuleSetCodec, TheBuiltInBytesAreThePacksAsTheLoaderReadsThem) {
  ASSERT_FALSE(kBuiltInRuleSetBytes.empty()) << "the build made the bytes";
  const RuleSet yaml = FromYaml();
  ASSERT_GT(yaml.tables.size(), 10u);
  ASSERT_GT(yaml.secrets.size(), 10u);
  EXPECT_TRUE(EncodeRuleSet(yaml) == kBuiltInRuleSetBytes) << "rebuild: the packs changed since the bytes were made";
  auto loaded = LoadRules(false, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_TRUE(EncodeRuleSet(*loaded) == EncodeRuleSet(yaml));
  EXPECT_EQ(loaded->secrets[0].where, yaml.secrets[0].where) << "line numbers survive";
}

TEST(RuleSetCodec, ReadBackRulesMatchAsTheLoadedOnesDo) {
  const RuleSet yaml = FromYaml();
  RuleSet read;
  ASSERT_TRUE(DecodeRuleSet(EncodeRuleSet(yaml), &read).ok());
  ASSERT_EQ(read.attributes.size(), yaml.attributes.size());
  size_t matched = 0;
  for (size_t i = 0; i < yaml.attributes.size(); ++i)
    for (const char* name : {"sex", "date_of_birth", "postcode", "eid", "gene", "mean_tpm", "n"}) {
      EXPECT_EQ(read.attributes[i].columns.Matches(name), yaml.attributes[i].columns.Matches(name))
          << yaml.attributes[i].id << " " << name;
      matched += yaml.attributes[i].columns.Matches(name);
    }
  EXPECT_GT(matched, 2u);
  for (size_t i = 0; i < yaml.tables.size(); ++i)
    for (size_t e = 0; e < yaml.tables[i].evidence.size(); ++e) {
      const EvidenceRule& a = yaml.tables[i].evidence[e];
      const EvidenceRule& b = read.tables[i].evidence[e];
      EXPECT_EQ(a.path != nullptr, b.path != nullptr) << a.id;
      if (a.path && b.path) {
        EXPECT_EQ(a.path->pattern(), b.path->pattern()) << a.id;
      }
    }
}

TEST(RuleSetCodec, DamagedBytesAreAnErrorNotAPartialSet) {
  const std::string bytes = EncodeRuleSet(FromYaml());
  for (size_t cut : {size_t{0}, size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    RuleSet set;
    EXPECT_FALSE(DecodeRuleSet(std::string_view(bytes).substr(0, cut), &set).ok()) << cut;
  }
  RuleSet set;
  EXPECT_FALSE(DecodeRuleSet(bytes + "x", &set).ok());
}

}  // namespace
}  // namespace cg
