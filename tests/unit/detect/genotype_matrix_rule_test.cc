// The genomics.genotype-matrix rule on the tables the BGEN and PLINK readers emit: a genotype
// matrix is individual-level data whatever its ids, counted by the header or not counted at all.
#include <gtest/gtest.h>

#include "detect/participant_detector.h"
#include "fixtures/corpus.h"
#include "rules/rule_loader.h"

namespace cg {
namespace {

const RuleSet& Rules() {
  static const RuleSet rules = [] {
    auto r = LoadRules(false, {});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(*r);
  }();
  return rules;
}

TableView Matrix(const char* format, int64_t people, std::vector<std::string> ids = {}) {
  TableView t;
  t.format = format;
  t.row_count = people;
  t.has_header = !ids.empty();
  if (t.has_header) t.header = {"sample_id"};
  for (auto& id : ids) t.rows.push_back({id});
  return t;
}

TableVerdict Inspect(const TableView& t, const std::string& path) {
  return ParticipantDetector(Rules()).Inspect(t, Origin{path});
}

TEST(GenotypeMatrixRule, BedWithoutItsFamIsHighAndSaysItsRowsAreNotCounted) {
  TableVerdict v = Inspect(Matrix("plink-bed", kUnknownRowCount), "geno/chr22.bed");
  ASSERT_TRUE(v.finding) << v.explanation.decision;
  EXPECT_EQ(v.finding->rule, "genomics.genotype-matrix");
  EXPECT_EQ(v.finding->category, "participant-data");
  EXPECT_EQ(v.finding->severity, Severity::kHigh);
  EXPECT_FALSE(v.finding->rows.has_value());
  EXPECT_NE(v.finding->message.find("rows not counted"), std::string::npos) << v.finding->message;
  EXPECT_EQ(v.finding->message.find("-1"), std::string::npos) << v.finding->message;
  EXPECT_FALSE(v.explanation.rows.has_value());
}

TEST(GenotypeMatrixRule, HeaderCountOfPeopleDecidesLikeAnyTable) {
  struct Case {
    int64_t people;
    Severity want;
  } cases[] = {{120, Severity::kHigh}, {12, Severity::kMedium}, {3, Severity::kLow}};
  for (const char* format : {"bgen", "pgen"})
    for (const auto& c : cases) {
      SCOPED_TRACE(std::string(format) + " of " + std::to_string(c.people));
      TableVerdict v = Inspect(Matrix(format, c.people), std::string("imp/chr1.") + format);
      ASSERT_TRUE(v.finding) << v.explanation.decision;
      EXPECT_EQ(v.finding->rule, "genomics.genotype-matrix");
      EXPECT_EQ(v.finding->severity, c.want) << v.explanation.decision;
      ASSERT_TRUE(v.finding->rows.has_value());
      EXPECT_EQ(*v.finding->rows, c.people);
    }
}

TEST(GenotypeMatrixRule, BgenSampleIdsAreReportedAsTheIdColumnNeverAsValues) {
  testing::Rng r(7);
  std::vector<std::string> eids = testing::UniqueEids(r, 150);
  TableVerdict v = Inspect(Matrix("bgen", 150, eids), "ukb22828_c1_b0_v3.bgen");
  ASSERT_TRUE(v.finding) << v.explanation.decision;
  EXPECT_EQ(v.finding->rule, "genomics.genotype-matrix");
  EXPECT_EQ(v.finding->severity, Severity::kHigh);
  EXPECT_EQ(v.finding->id_column, "sample_id");
  EXPECT_GE(v.finding->confidence, 0.9);
  for (const auto& id : eids) EXPECT_EQ(v.finding->message.find(id), std::string::npos);
}

TEST(GenotypeMatrixRule, OtherTablesWithoutColumnsAreNotGenotypes) {
  TableView t = Matrix("delimited", 500);
  EXPECT_FALSE(Inspect(t, "empty.csv").finding) << Inspect(t, "empty.csv").explanation.decision;
}

}  // namespace
}  // namespace cg
