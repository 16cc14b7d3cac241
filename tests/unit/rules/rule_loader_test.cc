#include "rules/rule_loader.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace cg {
namespace {

Status Load(const std::string& yaml, RuleSet* set = nullptr) {
  RuleSet local;
  return LoadRulePack({"test.yaml", yaml}, set ? set : &local);
}

TEST(RuleLoader, DefaultsLoadAndCompile) {
  auto rules = LoadRules(false, {});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_FALSE(rules->tables.empty());
  EXPECT_FALSE(rules->negatives.empty());
  EXPECT_FALSE(rules->attributes.empty());
  bool ukb = false;
  for (const auto& t : rules->tables) ukb |= t.id == "ukbiobank.main-dataset";
  EXPECT_TRUE(ukb);
}

TEST(RuleLoader, ValidPackWithEveryEvidenceKind) {
  RuleSet set;
  Status s = Load(R"(pack: demo
description: test
tables:
  - id: people
    title: People table
    max_severity: medium
    evidence:
      - {id: idcol, columns: ['person_?id'], role: id, weight: 0.5}
      - {id: vals, values: integer-id, min_fraction: 0.9, weight: 0.2}
      - {id: name, path: 'people\.csv$', weight: 0.1}
negative:
  - {id: counts, title: Counts, columns: ['n', 'count'], min_matches: 2, weight: 0.9}
attributes:
  - {id: sex, columns: ['sex'], weight: 0.05}
scoring: {report_threshold: 0.3, medium_threshold: 0.5, high_threshold: 0.7}
)", &set);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(set.tables.size(), 1u);
  EXPECT_EQ(set.tables[0].id, "demo.people");
  EXPECT_EQ(set.tables[0].max_severity, Severity::kMedium);
  EXPECT_EQ(set.tables[0].evidence.size(), 3u);
  EXPECT_TRUE(set.tables[0].evidence[0].id_role);
  EXPECT_TRUE(set.tables[0].evidence[0].columns.Matches("person_id"));
  EXPECT_FALSE(set.tables[0].evidence[0].columns.Matches("person_id_x")) << "patterns match whole names";
  EXPECT_EQ(set.negatives[0].id, "demo.counts");
  EXPECT_DOUBLE_EQ(set.scoring.high_threshold, 0.7);
}

struct BadCase {
  const char* name;
  const char* yaml;
  const char* expect;  // substring of the message
};

class RuleLoaderErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(RuleLoaderErrors, NamesFileLineAndRule) {
  const auto& c = GetParam();
  Status s = Load(c.yaml);
  ASSERT_FALSE(s.ok()) << c.name;
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("test.yaml:", 0), 0u) << s.message();
  EXPECT_NE(s.message().find(c.expect), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(
    All, RuleLoaderErrors,
    ::testing::Values(
        BadCase{"invalid_yaml", "pack: x\ntables: [\n", "invalid YAML"},
        BadCase{"not_a_map", "- a\n- b\n", "must be a map"},
        BadCase{"missing_pack", "tables: []\n", "missing 'pack'"},
        BadCase{"unknown_top_key", "pack: x\ntabels: []\n", "unknown key 'tabels'"},
        BadCase{"bad_regex", "pack: x\ntables:\n  - id: t\n    title: T\n    evidence:\n"
                             "      - {id: e, columns: ['eid('], weight: 0.5}\n",
                "rule 'x.t' evidence 'e': pattern 'eid(' does not compile"},
        BadCase{"weight_out_of_range", "pack: x\ntables:\n  - id: t\n    title: T\n    evidence:\n"
                                       "      - {id: e, columns: ['eid'], weight: 3}\n",
                "'weight' must be between"},
        BadCase{"unknown_validator", "pack: x\ntables:\n  - id: t\n    title: T\n    evidence:\n"
                                     "      - {id: e, values: nope, weight: 0.5}\n",
                "unknown validator 'nope'"},
        BadCase{"two_kinds", "pack: x\ntables:\n  - id: t\n    title: T\n    evidence:\n"
                             "      - {id: e, values: ukb-eid, path: 'x', weight: 0.5}\n",
                "exactly one of"},
        BadCase{"no_evidence", "pack: x\ntables:\n  - id: t\n    title: T\n", "'evidence' must be a non-empty list"},
        BadCase{"duplicate_rule", "pack: x\ntables:\n  - {id: t, title: T, evidence: [{id: e, path: a, weight: 0.1}]}\n"
                                  "  - {id: t, title: T, evidence: [{id: e, path: a, weight: 0.1}]}\n",
                "duplicate rule id 'x.t'"},
        BadCase{"bad_severity", "pack: x\ntables:\n  - {id: t, title: T, max_severity: huge, evidence: [{id: e, path: a, weight: 0.1}]}\n",
                "max_severity"},
        BadCase{"thresholds_out_of_order", "pack: x\nscoring: {report_threshold: 0.9, medium_threshold: 0.5}\n",
                "thresholds must satisfy"},
        BadCase{"unknown_evidence_key", "pack: x\ntables:\n  - id: t\n    title: T\n    evidence:\n"
                                        "      - {id: e, columns: ['eid'], weight: 0.5, wieght: 1}\n",
                "unknown key 'wieght'"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RuleLoader, ErrorLineNumberPointsAtTheBadEntry) {
  Status s = Load("pack: x\ntables:\n  - id: t\n    title: T\n    evidence:\n      - id: e\n        columns: ['(']\n"
                  "        weight: 0.5\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("test.yaml:7:", 0), 0u) << s.message();
}

TEST(RuleLoader, ReadsFolderOfPacksInNameOrder) {
  testing::TempDir dir;
  dir.Write("b.yaml", "pack: b\n");
  dir.Write("a.yml", "pack: a\n");
  dir.Write("notes.txt", "not a pack");
  auto rules = LoadRules(true, {dir.str()});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_EQ(rules->packs.size(), 2u);
  EXPECT_EQ(rules->packs[0].name, "a");
  EXPECT_EQ(rules->packs[1].name, "b");
}

TEST(RuleLoader, MissingPathIsAnError) {
  auto rules = LoadRules(true, {"/nonexistent/rules.yaml"});
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("/nonexistent/rules.yaml"), std::string::npos);
}

TEST(RulesCli, ValidateReportsBrokenFileWithExit2AndGoodFileWithExit0) {
  testing::TempDir dir;
  dir.Write("good.yaml", "pack: good\n");
  dir.Write("bad.yaml", "pack: bad\ntables:\n  - {id: t, title: T, evidence: [{id: e, columns: ['('], weight: 0.1}]}\n");
  auto good = testing::Cohortguard({"rules", "validate", "good.yaml"}, dir.str());
  EXPECT_EQ(good.exit_code, 0) << good.err;
  auto bad = testing::Cohortguard({"rules", "validate", "bad.yaml"}, dir.str());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.yaml:3: rule 'bad.t'"), std::string::npos) << bad.err;
  auto scan = testing::Cohortguard({"scan", "--rules", "bad.yaml", "."}, dir.str());
  EXPECT_EQ(scan.exit_code, 2);
  auto list = testing::Cohortguard({"rules", "list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("ukbiobank.main-dataset"), std::string::npos);
}

TEST(RulesCli, NoDefaultRulesFindsNothingAndExtraRulesAdd) {
  testing::TempDir dir;
  dir.Write("ukb.csv", testing::UkbExtract(100));
  EXPECT_EQ(testing::Cohortguard({"scan", "--no-default-rules", "ukb.csv"}, dir.str()).exit_code, 0);
  dir.Write("mine.yaml", "pack: mine\ntables:\n  - id: eids\n    title: Our eids\n    evidence:\n"
                         "      - {id: c, columns: ['eid'], role: id, weight: 0.9}\n");
  auto r = testing::Cohortguard({"scan", "--no-default-rules", "--rules", "mine.yaml", "--format", "json", "ukb.csv"},
                                dir.str());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("\"mine.eids\""), std::string::npos);
}

}  // namespace
}  // namespace cg
