#include "rules/rule_loader.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

struct BadPack {
  const char* name;
  const char* yaml;
  const char* message;  // must appear in the error, which also names file:line
};

class DetectionSchemaErrors : public ::testing::TestWithParam<BadPack> {};

TEST_P(DetectionSchemaErrors, NameFileLineAndRule) {
  RuleSet set;
  Status s = LoadRulePack({"bad.yaml", GetParam().yaml}, &set);
  ASSERT_FALSE(s.ok()) << GetParam().name;
  EXPECT_NE(s.message().find("bad.yaml:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(GetParam().message), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(
    All, DetectionSchemaErrors,
    ::testing::Values(
        BadPack{"unknown_shape",
                "pack: p\ntables:\n  - id: t\n    title: T\n    evidence:\n      - {id: s, shape: cube, weight: 0.5}\n",
                "rule 'p.t' evidence 's': unknown shape 'cube'"},
        BadPack{"bad_scope",
                "pack: p\ntables:\n  - id: t\n    title: T\n    evidence:\n      - {id: v, values: date, in: 3, weight: 0.5}\n",
                "'in' must be 'id', 'any' or a list"},
        BadPack{"two_kinds",
                "pack: p\ntables:\n  - id: t\n    title: T\n    evidence:\n      - {id: v, values: date, min_rows: 3, weight: 0.5}\n",
                "needs exactly one of"},
        BadPack{"negative_unknown_validator", "pack: p\nnegative:\n  - {id: n, title: N, values: nope, weight: 0.5}\n",
                "rule 'p.n': unknown validator 'nope'"},
        BadPack{"negative_without_title", "pack: p\nnegative:\n  - {id: n, columns: ['x'], weight: 0.5}\n",
                "rule 'p.n': missing 'title'"},
        BadPack{"attribute_value_weight_alone", "pack: p\nattributes:\n  - {id: a, columns: ['x'], weight: 0.1, value_weight: 0.2}\n",
                "'values' and 'value_weight' go together"},
        BadPack{"small_cells_without_columns", "pack: p\nsmall_cells:\n  threshold: 5\n",
                "rule 'p.small-cells': missing 'columns'"},
        BadPack{"small_cells_bad_threshold", "pack: p\nsmall_cells:\n  threshold: 0\n  columns: ['n']\n",
                "'threshold' must be at least 1"},
        BadPack{"table_unknown_key",
                "pack: p\ntables:\n  - id: t\n    title: T\n    colour: red\n    evidence:\n      - {id: c, columns: ['x'], weight: 0.5}\n",
                "unknown key 'colour'"},
        BadPack{"scoring_unknown_key", "pack: p\nscoring:\n  medium: 0.5\n", "unknown key 'medium'"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(DetectionSchema, DefaultPacksCoverEveryCohortFamily) {
  auto rules = LoadRules(false, {});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  std::set<std::string> ids;
  for (const auto& t : rules->tables) ids.insert(t.id);
  for (const char* id : {"ukbiobank.main-dataset", "ukbiobank.record-level", "omop.person", "omop.death",
                         "mimic.clinical-table", "synthea.patients", "redcap.export", "clinical_uk.cprd", "clinical_uk.hes",
                         "finngen.participants", "generic.participant-table", "generic.headerless-cohort-ids",
                         "genomics.plink-fam", "genomics.bgen-sample", "genomics.vcf-samples"})
    EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_TRUE(rules->small_cells.enabled);
  EXPECT_EQ(rules->small_cells.threshold, 10);
}

}  // namespace
}  // namespace cg
