// Decisions of the participant detector on small tables, with the default rule packs. The
// regression tests are named after the false positive or negative they fixed.
#include "detect/participant_detector.h"

#include <gtest/gtest.h>

#include <cmath>

#include "detect/document_analyzer.h"
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

TableView Table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows, std::string format = "delimited") {
  TableView t;
  t.format = std::move(format);
  t.has_header = !header.empty();
  t.header = std::move(header);
  t.rows = std::move(rows);
  t.row_count = static_cast<int64_t>(t.rows.size());
  return t;
}

TableVerdict Inspect(const TableView& t, const std::string& path = "data/table.csv") {
  return ParticipantDetector(Rules()).Inspect(t, Origin{path});
}

Severity SeverityOf(const TableVerdict& v) { return v.finding ? v.finding->severity : Severity::kInfo; }

std::vector<std::vector<std::string>> Column(const std::vector<std::string>& values) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : values) rows.push_back({v});
  return rows;
}

TEST(ParticipantDetector, FieldLikeColumnsWithoutEidStayBelowMediumHoweverManyRows) {
  // Broke: a physics table "run,event,p1,p2,p3,energy" of 30,000 rows matched the RAP field
  // pattern p<field> and a row-count bonus lifted it to medium.
  testing::Rng r(1);
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 200; ++i)
    rows.push_back({std::to_string(i / 50), std::to_string(i), testing::Decimal(r, -5, 5, 2), testing::Decimal(r, -5, 5, 2),
                    testing::Decimal(r, -5, 5, 2), testing::Decimal(r, 0, 9, 2)});
  TableView t = Table({"run", "event", "p1", "p2", "p3", "energy"}, rows);
  t.row_count = 30000;
  EXPECT_LT(SeverityOf(Inspect(t)), Severity::kMedium);
}

TEST(ParticipantDetector, ReferencePanelSampleIdsAreNotParticipants) {
  // Broke: a 1000 Genomes VCF's sample table was flagged medium as study genotypes, because the
  // one column of a VCF sample table was not taken as its id column.
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) ids.push_back((i % 2 ? "HG" : "NA") + std::to_string(10000 + i * 3));
  TableVerdict v = Inspect(Table({"sample_id"}, Column(ids), "vcf-samples"), "1kg.vcf.gz");
  EXPECT_LT(SeverityOf(v), Severity::kMedium);
  bool negative = false;
  for (const auto& e : v.explanation.evidence) negative |= e.rule == "aggregates.reference-panel";
  EXPECT_TRUE(negative) << v.explanation.decision;
}

TEST(ParticipantDetector, VcfSampleTableOfEidsIsHigh) {
  testing::Rng r(2);
  TableVerdict v = Inspect(Table({"sample_id"}, Column(testing::UniqueEids(r, 200)), "vcf-samples"), "c1.vcf.gz");
  ASSERT_TRUE(v.finding);
  EXPECT_EQ(v.finding->rule, "genomics.vcf-samples");
  EXPECT_EQ(v.finding->severity, Severity::kHigh);
  EXPECT_EQ(v.finding->id_column, "sample_id");
}

TEST(ParticipantDetector, ThreeRowMadeUpExampleIsLowNotBlocking) {
  TableVerdict v = Inspect(Table({"eid", "31-0.0", "34-0.0"},
                                 {{"1000001", "0", "1950"}, {"1000002", "1", "1961"}, {"1000003", "0", "1970"}}));
  ASSERT_TRUE(v.finding);
  EXPECT_EQ(v.finding->severity, Severity::kLow);
  EXPECT_NE(v.explanation.decision.find("example"), std::string::npos) << v.explanation.decision;
}

TEST(ParticipantDetector, FileNameAloneNeverDecides) {
  testing::Rng r(3);
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 500; ++i) rows.push_back({std::to_string(i), testing::Decimal(r, 0, 1, 3)});
  for (const char* path : {"ukb12345_data.csv", "w12345_20230101.csv", "1234567_20201_2_0.csv", "x.enc_ukb"}) {
    TableVerdict v = Inspect(Table({"time", "x"}, rows), path);
    EXPECT_FALSE(v.finding) << path << ": " << v.explanation.decision;
  }
}

TEST(ParticipantDetector, FileNameAddsEvidenceToAnEidList) {
  testing::Rng r(4);
  TableView list = Table({}, Column(testing::UniqueEids(r, 150)), "list");
  EXPECT_EQ(SeverityOf(Inspect(list, "ids.csv")), Severity::kLow);
  EXPECT_EQ(SeverityOf(Inspect(list, "withdrawals/w12345_20230115.csv")), Severity::kMedium);
}

TEST(ParticipantDetector, HeaderlessCohortIdsWithDataAreFlaggedButSequentialIdsAreNot) {
  testing::Rng r(5);
  auto eids = testing::UniqueEids(r, 300);
  std::vector<std::vector<std::string>> real, sequential;
  for (int i = 0; i < 300; ++i) {
    real.push_back({eids[static_cast<size_t>(i)], "1", testing::Date(r, 1940, 1970)});
    sequential.push_back({std::to_string(2000000 + i), "1", testing::Date(r, 2020, 2022)});
  }
  EXPECT_GE(SeverityOf(Inspect(Table({}, real))), Severity::kMedium);
  EXPECT_LT(SeverityOf(Inspect(Table({}, sequential))), Severity::kMedium);
}

TEST(ParticipantDetector, GwasColumnsOverruleAnIdColumn) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 100; ++i) rows.push_back({"P" + std::to_string(1000 + i * 7), "1", "12345", "0.01", "0.5"});
  TableVerdict v = Inspect(Table({"participant_id", "chr", "pos", "beta", "p"}, rows));
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ParticipantDetector, PlainIdColumnNeedsValuesAndAttributes) {
  testing::Rng r(6);
  std::vector<std::vector<std::string>> bare, person;
  for (int i = 0; i < 200; ++i) {
    std::string id = std::to_string(r.Uniform(100000, 999999));
    bare.push_back({id, testing::Decimal(r, 0, 1, 3)});
    person.push_back({id, "F", testing::Date(r, 1940, 1990), testing::Postcode(r)});
  }
  EXPECT_LT(SeverityOf(Inspect(Table({"id", "value"}, bare))), Severity::kMedium);
  EXPECT_GE(SeverityOf(Inspect(Table({"id", "sex", "dob", "postcode"}, person))), Severity::kMedium);
}

TEST(ParticipantDetector, ExplanationShowsEveryWeightTheTotalAndTheDecision) {
  testing::Rng r(7);
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : testing::UniqueEids(r, 50)) rows.push_back({e, "1", "1950"});
  TableVerdict v = Inspect(Table({"eid", "31-0.0", "34-0.0"}, rows), "ukb1.csv");
  const Explanation& x = v.explanation;
  double keep = 1, log_odds = 0;
  for (const auto& e : x.evidence) {
    EXPECT_FALSE(e.what.empty());
    if (e.rule.rfind("person/", 0) == 0) continue;  // step 1's shape features: log-odds, shown apart
    keep *= 1 - e.weight;                           // no negatives here
  }
  // The confidence is the larger of the named rules' 1 - prod(1 - w) and the person model's
  // probability, whose every input --explain lists.
  ASSERT_FALSE(x.features.empty());
  for (const auto& f : x.features) log_odds += f.contribution;
  const double shape = 1 / (1 + std::exp(-(Rules().person.intercept + log_odds)));
  EXPECT_NEAR(x.score, std::max(1 - keep, shape), 1e-9);
  EXPECT_NE(x.decision.find("step 1"), std::string::npos) << x.decision;
  EXPECT_NE(x.decision.find("step 2"), std::string::npos) << x.decision;
  EXPECT_GE(x.evidence.size(), 4u);  // eid column, field columns, eid values, file name, attributes
  EXPECT_EQ(x.decision.rfind("flagged high as ukbiobank.main-dataset", 0), 0u) << x.decision;
  for (const auto& row : rows)
    for (const auto& e : x.evidence) EXPECT_EQ(e.what.find(row[0]), std::string::npos) << "cell value in evidence";
}

TEST(ParticipantDetector, UnflaggedTableIsStillExplained) {
  TableVerdict v = Inspect(Table({"a", "b"}, {{"x", "1"}, {"y", "2"}, {"z", "3"}}));
  EXPECT_FALSE(v.finding);
  EXPECT_EQ(v.explanation.decision.rfind("not flagged", 0), 0u) << v.explanation.decision;
  EXPECT_NE(v.explanation.decision.find("below the report threshold"), std::string::npos);
}

TEST(SmallCells, CountTableWithACountBelowTenIsALowSmallCellsFinding) {
  DocumentAnalyzer analyzer(Rules(), {});
  ResultCollector out;
  AnalyzeOptions ao;
  ao.explain = true;
  analyzer.AnalyzeTable(Table({"centre", "n"}, {{"A", "120"}, {"B", "7"}, {"C", "88"}}), Origin{"t.csv"}, ao, out);
  ASSERT_EQ(out.findings.size(), 1u);
  EXPECT_EQ(out.findings[0].category, "small-cells");
  EXPECT_EQ(out.findings[0].rule, "aggregates.small-cells");
  EXPECT_EQ(out.findings[0].severity, Severity::kLow);
  EXPECT_EQ(out.findings[0].message.find('7'), std::string::npos) << "the small count itself is a cell value";
  ASSERT_EQ(out.explanations.size(), 1u);
  EXPECT_NE(out.explanations[0].decision.find("small cells"), std::string::npos);
}

TEST(SmallCells, LargeCountsGwasSampleSizesAndDictionariesAreNotSmallCells) {
  DocumentAnalyzer analyzer(Rules(), {});
  ResultCollector out;
  analyzer.AnalyzeTable(Table({"centre", "n"}, {{"A", "120"}, {"B", "17"}}), Origin{"a.csv"}, {}, out);
  analyzer.AnalyzeTable(Table({"snp", "chr", "bp", "beta", "p", "n"}, {{"rs1", "1", "100", "0.1", "0.5", "4"}}),
                        Origin{"gwas.tsv"}, {}, out);
  analyzer.AnalyzeTable(Table({"Path", "Category", "FieldID", "Field", "Participants", "Items"},
                              {{"a", "1", "31", "Sex", "3", "3"}}),
                        Origin{"dict.tsv"}, {}, out);
  EXPECT_TRUE(out.findings.empty()) << out.findings[0].origin.path;
}

TEST(SmallCells, ThresholdComesFromTheRulePack) {
  auto rules = LoadRules(false, {});
  ASSERT_TRUE(rules.ok());
  RuleSet set = std::move(*rules);
  ASSERT_TRUE(LoadRulePack({"strict.yaml", "pack: strict\nsmall_cells:\n  threshold: 20\n  columns: ['n']\n"}, &set).ok());
  DocumentAnalyzer analyzer(set, {});
  ResultCollector out;
  analyzer.AnalyzeTable(Table({"centre", "n"}, {{"A", "120"}, {"B", "17"}}), Origin{"a.csv"}, {}, out);
  ASSERT_EQ(out.findings.size(), 1u);
  EXPECT_EQ(out.findings[0].rule, "strict.small-cells");
}

// A rule set without table rules, person model or small cells (a secrets-only scan) has no use
// for a table: nothing is sniffed or inspected, and --explain has nothing to say. The same
// document with the built-in packs is sniffed and explained.
TEST(DocumentAnalyzer, ARuleSetThatJudgesNoTableDoesNotSniffOne) {
  RuleSet secrets_only;
  for (const RuleSource& pack : DefaultRuleSources())
    if (pack.file.find("secrets") != std::string::npos) ASSERT_TRUE(LoadRulePack(pack, &secrets_only).ok());
  ASSERT_FALSE(secrets_only.secrets.empty());
  EXPECT_FALSE(secrets_only.JudgesTables());
  EXPECT_TRUE(Rules().JudgesTables());
  std::string csv = "eid,sex,year_of_birth\n";
  for (int i = 0; i < 50; ++i) csv += std::to_string(1000000 + i * 7919) + "," + std::to_string(i % 2) + ",1950\n";
  AnalyzeOptions ao;
  ao.explain = true;
  auto explanations = [&](const RuleSet& rules) {
    DocumentAnalyzer analyzer(rules, {});
    Document doc(Origin{"ukb.csv"}, "ukb.csv", std::make_unique<MemoryStream>(csv));
    ResultCollector out;
    EXPECT_TRUE(analyzer.AnalyzeText(doc, ao, out).ok());
    analyzer.AnalyzeTable(Table({"eid", "sex"}, {{"1000003", "0"}}), Origin{"t.xlsx"}, ao, out);
    return out.explanations.size();
  };
  EXPECT_EQ(explanations(secrets_only), 0u);
  EXPECT_EQ(explanations(Rules()), 2u);
}

}  // namespace
}  // namespace cg
