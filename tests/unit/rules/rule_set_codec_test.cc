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

// The read-back sets match through the build's column prefilter (rules/column_patterns.cc), the
// loaded ones through their RE2::Set: the same names must match.
TEST(RuleSetCodec, ReadBackRulesMatchAsTheLoadedOnesDo) {
  const RuleSet yaml = FromYaml();
  RuleSet read;
  ASSERT_TRUE(DecodeRuleSet(EncodeRuleSet(yaml), &read).ok());
  const std::vector<std::string> names = {
      "sex", "gender", "date_of_birth", "dob", "year_of_birth", "postcode", "zip", "eid", "f.eid", "person_id",
      "subject_id", "hadm_id", "patient_id", "iid", "fid", "gene", "mean_tpm", "n", "count", "percent", "sd",
      "beta", "se", "pval", "p_value", "chr", "pos", "rsid", "snp", "a1", "a2", "ethnicity", "race", "nhs_number",
      "icd10", "diag_icd10", "read_code", "snomed", "atc", "bmi", "height", "weight", "visit_date", "death_date",
      "concept_name", "vocabulary_id", "beds", "ownership", "record_id", "redcap_event_name", "",
      "\xE2\x84\xAA" "ey", "se\xC5\xBF", "sex ", "x_sex", "f.31.0.0", "f.21022.0.0", "31-0.0", "34-0.0"};
  std::vector<std::pair<const ColumnPatterns*, const ColumnPatterns*>> sets;
  ASSERT_EQ(read.tables.size(), yaml.tables.size());
  for (size_t i = 0; i < yaml.tables.size(); ++i) {
    ASSERT_EQ(read.tables[i].evidence.size(), yaml.tables[i].evidence.size());
    for (size_t e = 0; e < yaml.tables[i].evidence.size(); ++e) {
      const EvidenceRule& a = yaml.tables[i].evidence[e];
      const EvidenceRule& b = read.tables[i].evidence[e];
      sets.push_back({&a.columns, &b.columns});
      sets.push_back({&a.scope_columns, &b.scope_columns});
      EXPECT_EQ(a.path != nullptr, b.path != nullptr) << a.id;
      if (a.path && b.path) {
        EXPECT_EQ(a.path->pattern(), b.path->pattern()) << a.id;
      }
    }
  }
  ASSERT_EQ(read.attributes.size(), yaml.attributes.size());
  for (size_t i = 0; i < yaml.attributes.size(); ++i) sets.push_back({&yaml.attributes[i].columns, &read.attributes[i].columns});
  sets.push_back({&yaml.person.id_columns, &read.person.id_columns});
  sets.push_back({&yaml.person.aggregate_columns, &read.person.aggregate_columns});
  sets.push_back({&yaml.small_cells.columns, &read.small_cells.columns});
  size_t matched = 0;
  for (const auto& [a, b] : sets)
    for (const std::string& name : names) {
      EXPECT_EQ(b->Matches(name), a->Matches(name)) << name;
      matched += a->Matches(name);
    }
  EXPECT_GT(matched, 30u);
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
