// Detection by shape (issue "Detection by shape"): one test per class of real-world miss and
// look-alike, on synthetic tables with the shapes seen in public files (NHANES, SDTM, German and
// French headers, consecutive ids, preambles, facility lists, describe() output, vocabulary
// tables, transposed tables). Values are generated; nothing is copied from real data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "detect/document_analyzer.h"
#include "detect/evidence_matcher.h"
#include "detect/header_finder.h"
#include "detect/participant_detector.h"
#include "detect/table_sniffer.h"
#include "fixtures/corpus.h"
#include "rules/person_features.h"
#include "rules/rule_loader.h"

namespace cg {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const RuleSet& Rules() {
  static const RuleSet rules = [] {
    auto r = LoadRules(false, {});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(*r);
  }();
  return rules;
}

TableView Table(std::vector<std::string> header, Rows rows, std::string format = "delimited") {
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

Severity SeverityOf(const TableVerdict& v) {
  return v.finding && v.finding->category == "participant-data" ? v.finding->severity : Severity::kInfo;
}

// Every finding and explanation the analyzer makes for a parsed table.
ResultCollector Analyze(const TableView& t, const std::string& path = "data/table.xlsx") {
  DocumentAnalyzer analyzer(Rules(), {});
  ResultCollector rc;
  AnalyzeOptions o;
  o.explain = true;
  analyzer.AnalyzeTable(t, Origin{path}, o, rc);
  return rc;
}

Severity ParticipantSeverity(const ResultCollector& rc) {
  Severity s = Severity::kInfo;
  for (const auto& f : rc.findings)
    if (f.category == "participant-data") s = std::max(s, f.severity);
  return s;
}

std::string Sex12(testing::Rng& r) { return r.Uniform(1, 2) == 1 ? "1" : "2"; }

TEST(ShapeDetection, NhanesLikeTableWithCodedColumnNamesBlocks) {
  testing::Rng r(11);
  Rows rows;
  for (int i = 0; i < 400; ++i)
    rows.push_back({std::to_string(93703 + i), "10", Sex12(r), std::to_string(r.Uniform(0, 80)),
                    std::to_string(r.Uniform(1, 7)), std::to_string(r.Uniform(1, 5)), testing::Decimal(r, 15, 45, 1)});
  TableVerdict v = Inspect(Table({"SEQN", "SDDSRVYR", "RIAGENDR", "RIDAGEYR", "RIDRETH3", "DMDEDUC2", "BMXBMI"}, rows));
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, SdtmLikeDemographicsBlocks) {
  testing::Rng r(12);
  Rows rows;
  for (int i = 0; i < 250; ++i)
    rows.push_back({"CDISCPILOT01", "01-" + std::to_string(701 + i / 50) + "-" + std::to_string(1000 + i),
                    std::to_string(1000 + i), std::to_string(r.Uniform(50, 89)), r.Uniform(0, 1) ? "M" : "F",
                    r.Uniform(0, 1) ? "WHITE" : "BLACK OR AFRICAN AMERICAN", testing::Date(r, 1925, 1960),
                    testing::Date(r, 2013, 2014)});
  TableVerdict v = Inspect(
      Table({"STUDYID", "USUBJID", "SUBJID", "AGE", "SEX", "RACE", "BRTHDTC", "RFSTDTC"}, rows), "dm.xpt");
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, SdtmEventDomainWithRepeatedSubjectIdsBlocks) {
  testing::Rng r(13);
  Rows rows;
  for (int i = 0; i < 600; ++i)
    rows.push_back({"CDISCPILOT01", "AE", "01-701-" + std::to_string(1000 + i / 4), std::to_string(i % 4 + 1),
                    r.Uniform(0, 1) ? "HEADACHE" : "NAUSEA", testing::Date(r, 2013, 2014), testing::Date(r, 2013, 2014)});
  TableVerdict v = Inspect(Table({"STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AEDECOD", "AESTDTC", "AEENDTC"}, rows));
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, GermanHeadersBlock) {
  testing::Rng r(14);
  Rows rows;
  for (int i = 0; i < 300; ++i)
    rows.push_back({"P" + std::to_string(10000 + r.Uniform(0, 89999)) + "-" + std::to_string(i),
                    r.Uniform(0, 1) ? "männlich" : "weiblich", testing::Date(r, 1940, 2000, "dmy"),
                    std::to_string(r.Uniform(10115, 99998)), testing::Decimal(r, 50, 120, 1)});
  TableVerdict v = Inspect(Table({"Probanden_ID", "Geschlecht", "Geburtsdatum", "PLZ", "Gewicht"}, rows));
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, FrenchHeadersBlock) {
  testing::Rng r(15);
  Rows rows;
  for (int i = 0; i < 300; ++i)
    rows.push_back({std::to_string(i + 1), r.Uniform(0, 1) ? "homme" : "femme", testing::Date(r, 1940, 2000, "dmy"),
                    std::to_string(r.Uniform(10000, 95999)), std::to_string(r.Uniform(18, 90))});
  TableVerdict v = Inspect(Table({"identifiant", "sexe", "date_naissance", "code_postal", "age"}, rows));
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, ConsecutiveIdsDoNotLowerARealSizedExport) {
  // Real exports number their rows 1..N: a 500-row REDCap-style export with names and dates of
  // birth must block, whatever its ids look like.
  testing::Rng r(16);
  Rows rows;
  for (int i = 0; i < 500; ++i)
    rows.push_back({std::to_string(i + 1), "Name" + std::to_string(i), "Surname" + std::to_string(i),
                    testing::Date(r, 1940, 2000), r.Uniform(0, 1) ? "0" : "1", "1"});
  TableVerdict v = Inspect(Table({"record_id", "name_first", "name_last", "dob", "sex", "demographics_complete"}, rows));
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
  for (const auto& e : v.explanation.evidence) EXPECT_NE(e.rule, "aggregates.sequential-ids") << "not at 500 rows";
}

TEST(ShapeDetection, ConsecutiveIdsStillMarkAFiveRowExample) {
  Rows rows;
  for (int i = 0; i < 5; ++i) rows.push_back({std::to_string(i + 1), i % 2 ? "M" : "F", std::to_string(30 + i)});
  TableVerdict v = Inspect(Table({"patient_id", "sex", "age"}, rows));
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
  bool sequential = false;
  for (const auto& e : v.explanation.evidence) sequential |= e.rule == "aggregates.sequential-ids";
  EXPECT_TRUE(sequential) << v.explanation.decision;
}

TEST(ShapeDetection, UnnamedIndexWithPersonAttributesBlocks) {
  // pandas to_csv() with its index: an unnamed first column of 0..N-1, no id column by name.
  testing::Rng r(17);
  Rows rows;
  for (int i = 0; i < 800; ++i)
    rows.push_back({std::to_string(i), r.Uniform(0, 1) ? "Male" : "Female", std::to_string(r.Uniform(40, 70)),
                    testing::Decimal(r, 18, 40, 1), r.Uniform(0, 1) ? "Never" : "Current",
                    testing::Decimal(r, -6, 8, 2), testing::Date(r, 2006, 2020)});
  TableVerdict v = Inspect(
      Table({"", "sex", "age_at_recruitment", "bmi", "smoking_status", "townsend", "t2d_diagnosis_date"}, rows));
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, ReidentificationEstimateIsInTheFindingAndRaisesSeverity) {
  testing::Rng r(18);
  Rows rows;
  for (int i = 0; i < 300; ++i)
    rows.push_back({std::to_string(100000 + i * 7), r.Uniform(0, 1) ? "M" : "F", testing::Date(r, 1930, 2005),
                    testing::Postcode(r)});
  TableVerdict v = Inspect(Table({"subject", "sex", "date_of_birth", "postcode"}, rows));
  ASSERT_TRUE(v.finding) << v.explanation.decision;
  ASSERT_TRUE(v.finding->reidentification);
  const Reidentification& re = *v.finding->reidentification;
  EXPECT_EQ(re.quasi_identifiers, (std::vector<std::string>{"sex", "date_of_birth", "postcode"}));
  EXPECT_GT(re.unique_share, 0.9);  // birth date and postcode make nearly everyone unique
  EXPECT_EQ(re.sampled_rows, 300);
  EXPECT_EQ(v.finding->severity, Severity::kHigh);
  EXPECT_NE(v.explanation.decision.find("step 2 (re-identification)"), std::string::npos) << v.explanation.decision;
}

TEST(ShapeDetection, ExplainShowsBothStepsPerFeature) {
  testing::Rng r(19);
  Rows rows;
  for (int i = 0; i < 200; ++i) rows.push_back({std::to_string(5000 + i * 3), Sex12(r), std::to_string(r.Uniform(20, 90))});
  TableVerdict v = Inspect(Table({"id", "gender", "age"}, rows));
  const Explanation& x = v.explanation;
  EXPECT_NE(x.decision.find("step 1"), std::string::npos) << x.decision;
  EXPECT_NE(x.decision.find("step 2"), std::string::npos) << x.decision;
  ASSERT_EQ(x.features.size(), kPersonFeatureCount);
  bool sex = false, age = false;
  for (const auto& e : x.evidence) {
    sex |= e.rule == "person/sex";
    age |= e.rule == "person/age";
  }
  EXPECT_TRUE(sex && age);
  ASSERT_TRUE(x.reidentification);
  EXPECT_EQ(x.reidentification->quasi_identifiers.size(), 2u);
}

TEST(ShapeDetection, FacilityListIsNotParticipantData) {
  testing::Rng r(20);
  Rows rows;
  for (int i = 0; i < 400; ++i)
    rows.push_back({testing::Uuid(r), "Hospital " + std::to_string(i), std::to_string(i) + " Main St", "Boston", "MA",
                    std::to_string(r.Uniform(10000, 99999)), "555-0100", std::to_string(r.Uniform(10, 900)),
                    r.Uniform(0, 1) ? "Government" : "Private"});
  TableVerdict v = Inspect(Table({"Id", "NAME", "ADDRESS", "CITY", "STATE", "ZIP", "PHONE", "BEDS", "OWNERSHIP"}, rows));
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, DescribeOutputIsNotParticipantData) {
  testing::Rng r(21);
  Rows rows;
  for (const char* label : {"count", "mean", "std", "min", "25%", "50%", "75%", "max"})
    rows.push_back({label, testing::Decimal(r, 0, 100, 2), testing::Decimal(r, 0, 100, 2), testing::Decimal(r, 0, 1, 2)});
  TableVerdict v = Inspect(Table({"", "age", "bmi", "sex"}, rows));
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, OmopVocabularyTableIsNotParticipantData) {
  testing::Rng r(22);
  Rows rows;
  for (int i = 0; i < 500; ++i)
    rows.push_back({std::to_string(4000000 + i * 13), "Concept " + std::to_string(i), "Condition", "SNOMED",
                    "Clinical Finding", "S", std::to_string(r.Uniform(100000, 999999)), "1970-01-01", "2099-12-31", ""});
  TableVerdict v = Inspect(Table({"concept_id", "concept_name", "domain_id", "vocabulary_id", "concept_class_id",
                                  "standard_concept", "concept_code", "valid_start_date", "valid_end_date",
                                  "invalid_reason"},
                                 rows));
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

double Feature(const TableVerdict& v, const std::string& name) {
  for (const auto& f : v.explanation.features)
    if (f.name == name) return f.value;
  ADD_FAILURE() << "no feature " << name;
  return 0;
}

TEST(ShapeDetection, FrequencyTableInLongFormIsAGridNotPeople) {
  // as.data.frame() of a 4x2x2x2 contingency table written by write.csv: a row number, the
  // categories, a count; every combination once.
  testing::Rng r(23);
  Rows rows;
  int i = 0;
  for (const char* survived : {"No", "Yes"})
    for (const char* age : {"Child", "Adult"})
      for (const char* sex : {"Male", "Female"})
        for (const char* cls : {"1st", "2nd", "3rd", "Crew"})
          rows.push_back({std::to_string(++i), cls, sex, age, survived, std::to_string(r.Uniform(0, 700))});
  TableVerdict v = Inspect(Table({"", "Class", "Sex", "Age", "Survived", "Freq"}, rows));
  EXPECT_EQ(Feature(v, "grid"), 1) << v.explanation.decision;
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, SubjectsByVisitsAreNotAGrid) {
  // Every subject at every visit is also every combination once: subject ids are never the
  // categories of a grid.
  testing::Rng r(25);
  Rows rows;
  for (int s = 0; s < 150; ++s) {
    const std::string sex = r.Uniform(0, 1) ? "M" : "F";
    const std::string age = std::to_string(r.Uniform(30, 80));
    for (const char* visit : {"BASELINE", "WEEK 4", "WEEK 8"})
      rows.push_back({"SUBJ-" + std::to_string(1000 + s * 7), visit, sex, age, std::to_string(r.Uniform(95, 180))});
  }
  TableVerdict v = Inspect(Table({"subject_id", "visit", "sex", "age", "sbp"}, rows));
  EXPECT_EQ(Feature(v, "grid"), 0) << v.explanation.decision;
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, CountTableWithALowParticipantScoreStillGetsItsSmallCellWarning) {
  // Broke: any participant finding, even a low one, suppressed the small-cell check.
  Rows rows = {{"1", "M", "18-29", "4"}, {"2", "F", "18-29", "12"}, {"3", "M", "30-39", "3"}, {"4", "F", "30-39", "25"}};
  ResultCollector rc = Analyze(Table({"patient_id", "sex", "age_band", "n"}, rows, "csv"), "counts.csv");
  bool small = false;
  for (const auto& f : rc.findings) small |= f.category == "small-cells";
  EXPECT_TRUE(small);
  EXPECT_LT(ParticipantSeverity(rc), Severity::kMedium);
}

TEST(ShapeDetection, TitleLineAboveTheHeaderIsAPreamble) {
  std::string text = "Study of blood pressure, 2019 extract\n\nid,sex,age,sbp\n";
  for (int i = 0; i < 50; ++i) text += std::to_string(i + 1) + "," + (i % 2 ? "M" : "F") + "," + std::to_string(30 + i) + ",120\n";
  auto t = SniffTable(text, true, SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.header, (std::vector<std::string>{"id", "sex", "age", "sbp"}));
  EXPECT_EQ(t->table.row_count, 50);
}

TEST(ShapeDetection, ExcelSepLineIsAPreamble) {
  std::string text = "sep=;\nid;sex;age\n";
  for (int i = 0; i < 30; ++i) text += std::to_string(i + 1) + ";" + (i % 2 ? "M" : "F") + ";" + std::to_string(30 + i) + "\n";
  auto t = SniffTable(text, true, SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.delimiter, ';');
  EXPECT_EQ(t->table.header, (std::vector<std::string>{"id", "sex", "age"}));
  EXPECT_EQ(t->table.row_count, 30);
}

TEST(ShapeDetection, CrOnlyLineEndsAreLines) {
  // What Excel's "CSV (Macintosh)" writes.
  std::string text = "Gender\tHeight\tWeight\r";
  for (int i = 0; i < 40; ++i) text += std::string(i % 2 ? "Male" : "Female") + "\t" + std::to_string(150 + i) + "\t60\r";
  auto t = SniffTable(text, true, SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->cr_only);
  EXPECT_EQ(t->table.header.size(), 3u);
  EXPECT_EQ(t->table.row_count, 40);
}

TEST(ShapeDetection, SheetTitleRowsAboveTheHeaderArePassedOver) {
  testing::Rng r(23);
  Rows rows = {{"Acute Kidney Injury Study", "", "", "", ""}, {"", "", "", "", ""},
               {"study_id", "dob", "race", "sex", "gfr_day1"}};
  for (int i = 0; i < 30; ++i)
    rows.push_back({std::to_string(i + 1), testing::Date(r, 1940, 1990), "White", i % 2 ? "Male" : "Female",
                    std::to_string(r.Uniform(20, 90))});
  TableView sheet = Table({"Site report", "", "", "", ""}, rows, "xlsx");
  auto moved = HeaderBelowPreamble(sheet);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->header, (std::vector<std::string>{"study_id", "dob", "race", "sex", "gfr_day1"}));
  EXPECT_EQ(moved->rows.size(), 30u);
  EXPECT_GE(ParticipantSeverity(Analyze(sheet)), Severity::kMedium);
}

TEST(ShapeDetection, TransposedTableIsJudgedOneParticipantPerColumnAndItsIdsNeverPrinted) {
  testing::Rng r(24);
  std::vector<std::string> header = {"variable"};
  Rows rows = {{"sex"}, {"age"}, {"date_of_birth"}, {"bmi"}};
  for (int i = 0; i < 60; ++i) {
    header.push_back("P" + std::to_string(700100 + i * 17));
    rows[0].push_back(i % 2 ? "M" : "F");
    rows[1].push_back(std::to_string(r.Uniform(20, 80)));
    rows[2].push_back(testing::Date(r, 1940, 2000));
    rows[3].push_back(testing::Decimal(r, 18, 35, 1));
  }
  ResultCollector rc = Analyze(Table(header, rows, "csv"), "wide.csv");
  EXPECT_GE(ParticipantSeverity(rc), Severity::kMedium);
  ASSERT_FALSE(rc.explanations.empty());
  EXPECT_EQ(rc.explanations[0].decision.rfind("transposed", 0), 0u) << rc.explanations[0].decision;
  for (const auto& f : rc.findings) {
    for (const auto& id : header) {
      if (id == "variable") continue;
      EXPECT_EQ(f.message.find(id), std::string::npos);
      EXPECT_EQ(f.id_column.find(id), std::string::npos);
      for (const auto& c : f.columns) EXPECT_NE(c, id);
      for (const auto& e : f.evidence) EXPECT_EQ(e.what.find(id), std::string::npos) << e.what;
    }
  }
}

TEST(ShapeDetection, ColumnNamesThatAreValuesPrintAsColumnN) {
  // A headerless extract whose first row the sniffer took for a header: its "names" are ids and
  // dates, and must never reach a report.
  testing::Rng r(25);
  auto eids = testing::UniqueEids(r, 201);
  Rows rows;
  for (int i = 1; i < 201; ++i) rows.push_back({eids[static_cast<size_t>(i)], "1", testing::Date(r, 1940, 1970)});
  const std::string date = testing::Date(r, 1940, 1970);
  TableVerdict v = Inspect(Table({eids[0], "0", date}, rows));
  const std::vector<std::string> leaked = {eids[0], date};
  for (const auto& c : v.explanation.columns)
    for (const auto& l : leaked) EXPECT_NE(c, l);
  for (const auto& e : v.explanation.evidence)
    for (const auto& l : leaked) EXPECT_EQ(e.what.find(l), std::string::npos) << e.what;
  if (v.finding) {
    EXPECT_EQ(v.finding->columns.front(), "column 1");
    for (const auto& l : leaked) EXPECT_EQ(v.finding->id_column.find(l), std::string::npos);
  }
  EXPECT_TRUE(IsValueLikeName("1234567"));
  EXPECT_TRUE(IsValueLikeName("1950-02-03"));
  EXPECT_TRUE(IsValueLikeName("name # cohortguard:allow"));
  EXPECT_FALSE(IsValueLikeName("x21022_0_0"));
  EXPECT_FALSE(IsValueLikeName("31-0.0"));
  EXPECT_FALSE(IsValueLikeName("2019"));
}

TEST(ShapeDetection, SensorLogWithManyRowsAndNoPersonAttributesStaysQuiet) {
  testing::Rng r(26);
  Rows rows;
  for (int i = 0; i < 200; ++i)
    rows.push_back({std::to_string(i), testing::Date(r, 2022, 2022), testing::Decimal(r, 0, 1, 3), testing::Decimal(r, 0, 1, 3)});
  TableView t = Table({"reading_id", "timestamp", "x", "y"}, rows);
  t.row_count = 2000000;
  EXPECT_LT(SeverityOf(Inspect(t)), Severity::kMedium);
}

TEST(ShapeDetection, SdtmDomainPrefixedVariablesAreNotFacilityColumns) {
  // SDTM names variables after their domain: CMSEQ, CMSTDTC, CMSTDY of a medication domain.
  // Broke: a facility pattern for "cms..." columns read them as a provider list.
  testing::Rng r(27);
  Rows rows;
  for (int i = 0; i < 700; ++i)
    rows.push_back({"CDISCPILOT01", "CM", "01-701-" + std::to_string(1000 + i / 5), std::to_string(i % 5 + 1),
                    std::to_string(r.Uniform(1, 40)), r.Uniform(0, 1) ? "ASPIRIN" : "PARACETAMOL",
                    testing::Date(r, 2012, 2014), testing::Date(r, 2012, 2014), std::to_string(r.Uniform(-30, 200))});
  TableVerdict v = Inspect(
      Table({"STUDYID", "DOMAIN", "USUBJID", "CMSEQ", "CMSPID", "CMTRT", "CMSTDTC", "CMENDTC", "CMSTDY"}, rows),
      "cm.xpt");
  for (const auto& n : v.negatives) EXPECT_NE(n, "aggregates.facility-list");
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, OneSubjectsResultsByVisitAtTheTopOfALongTableAreNotAGrid) {
  // A long lab domain sorted by subject: its first 200 rows are one subject's tests at every
  // visit, every (test, visit) once. Broke: that read as a cross-tabulation.
  Rows rows;
  for (int visit = 1; visit <= 20; ++visit)
    for (const char* test : {"ALB", "ALP", "ALT", "AST", "BILI", "BUN", "CA", "CHOL", "CREAT", "GLUC"})
      rows.push_back({"CDISCPILOT01", "LB", "01-701-1015", test, std::to_string(visit), std::to_string(40 + visit),
                      "2014-01-" + std::string(visit < 10 ? "0" : "") + std::to_string(visit)});
  TableView t = Table({"STUDYID", "DOMAIN", "USUBJID", "LBTESTCD", "VISITNUM", "LBORRES", "LBDTC"}, rows);
  t.row_count = 60000;
  TableVerdict v = Inspect(t, "lb.rda");
  EXPECT_EQ(Feature(v, "grid"), 0) << v.explanation.decision;
  EXPECT_GE(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, LifeTableAgesAreAnAxisNotAnId) {
  // A life table: one row per age 0..100, sorted. Broke: distinct integer ages among the first
  // three columns were taken as the table's id, which hid the sorted axis of ages.
  Rows rows;
  double lx = 100000;
  for (int age = 0; age <= 100; ++age) {
    const double qx = 0.0005 * std::exp(0.085 * age);
    rows.push_back({std::to_string(age), std::to_string(static_cast<int>(lx)), std::to_string(qx).substr(0, 7),
                    std::to_string(static_cast<int>(lx * qx)), std::to_string(80.0 - 0.75 * age).substr(0, 5)});
    lx -= lx * std::min(qx, 1.0);
  }
  TableVerdict v = Inspect(Table({"age", "lx", "qx", "dx", "ex"}, rows));
  EXPECT_EQ(Feature(v, "key_column"), 0) << v.explanation.decision;
  EXPECT_EQ(Feature(v, "grid"), 1) << v.explanation.decision;
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, RowsOfAGridAreCellsNotPeople) {
  // An indicator by outcome and age in months (a percentage and its limits): every (outcome,
  // age) once. Broke: the grid was seen, but its rows still counted as that many people.
  testing::Rng r(28);
  Rows rows;
  for (const char* outcome : {"Physical health", "Social competence", "Emotional maturity", "Language", "Communication"})
    for (int month = 0; month < 24; ++month) {
      const int ot = static_cast<int>(r.Uniform(55, 85));
      rows.push_back({outcome, std::to_string(4.5 + month / 12.0).substr(0, 4),
                      std::to_string(ot), std::to_string(ot - 2), std::to_string(ot + 2), testing::Decimal(r, 1, 9, 1)});
    }
  TableVerdict v = Inspect(Table({"outcome", "age", "ot", "ll", "ul", "share"}, rows));
  EXPECT_EQ(Feature(v, "grid"), 1) << v.explanation.decision;
  EXPECT_EQ(Feature(v, "log_rows"), 0) << v.explanation.decision;
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, CamelCaseAggregateNamesAreAggregates) {
  // Indicators per city with PascalCase names (rates, percentages, counts of deaths). Broke: the
  // aggregate patterns saw "prenatalcarepct" as one word, and "ci..." (confidence interval)
  // patterns took City for an aggregate.
  testing::Rng r(29);
  Rows rows;
  for (int i = 0; i < 900; ++i)
    rows.push_back({i % 2 ? "AK" : "MA", "City" + std::to_string(i / 3), i % 3 ? "Group" + std::to_string(i % 3) : "Total",
                    testing::Decimal(r, 50, 95, 1), testing::Decimal(r, 3, 12, 1), testing::Decimal(r, 1, 30, 1),
                    testing::Decimal(r, 2, 20, 1), testing::Decimal(r, 5, 30, 1), testing::Decimal(r, 5, 30, 1)});
  TableVerdict v = Inspect(Table({"State", "City", "Group", "PrenatalCarePct", "LowBirthweightPct", "UnemploymentPct",
                                  "FreqMentalDistress", "OpioidOverdoseDeaths", "Smoking"},
                                 rows),
                           "City_Health.txt");
  bool city = false, pct = false;
  for (const auto& e : v.explanation.evidence)
    if (e.rule == "person/aggregate_columns") {
      city |= e.what.find("'City'") != std::string::npos;
      pct |= e.what.find("'PrenatalCarePct'") != std::string::npos;
    }
  EXPECT_TRUE(pct) << v.explanation.decision;
  EXPECT_FALSE(city) << v.explanation.decision;
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, ASexOrAgeColumnAloneIsNotAGenotypeSampleFile) {
  // A count table by sex: one 'sex' column is any table about people. Broke: it matched the
  // BGEN .sample and PLINK rules' sample columns and was reported as a genotype sample file.
  ResultCollector rc = Analyze(Table({"sex", "n"}, {{"F", "5120"}, {"M", "4877"}}, "sqlite"), "counts.sqlite");
  for (const auto& f : rc.findings) EXPECT_NE(f.category, "participant-data") << f.rule;
  Rows rows;
  for (const char* cls : {"1st", "2nd", "3rd", "Crew"})
    for (const char* sex : {"Male", "Female"})
      for (const char* age : {"Child", "Adult"}) rows.push_back({cls, sex, age, "12"});
  TableVerdict v = Inspect(Table({"Class", "Sex", "Age", "Freq"}, rows));
  EXPECT_FALSE(v.finding && v.finding->rule.rfind("genomics.", 0) == 0) << v.explanation.decision;
}

TEST(ShapeDetection, AnimalsAreNotParticipants) {
  // One row per penguin: species, island, body measurements and sex words. Broke: sex and
  // measurements over 300 rows read as people.
  testing::Rng r(30);
  Rows rows;
  for (int i = 0; i < 344; ++i)
    rows.push_back({i % 3 == 0 ? "Adelie" : i % 3 == 1 ? "Gentoo" : "Chinstrap", i % 2 ? "Biscoe" : "Dream",
                    testing::Decimal(r, 32, 60, 1), testing::Decimal(r, 13, 22, 1), std::to_string(r.Uniform(170, 231)),
                    std::to_string(r.Uniform(2700, 6300)), r.Uniform(0, 1) ? "MALE" : "FEMALE"});
  TableVerdict v = Inspect(Table({"species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                                  "body_mass_g", "sex"},
                                 rows));
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}

TEST(ShapeDetection, ACodingTableIsNotPeopleAndMeaningIsNotAMean) {
  // A codings file: coding id, value, meaning (the label of each value), hundreds of rows.
  // Broke: 'mean\w*' took Meaning for an aggregate, and two vocabulary columns of three counted
  // as half a vocabulary table.
  Rows rows;
  for (int coding = 0; coding < 17; ++coding)
    for (int value = 1; value <= 25; ++value)
      rows.push_back({std::to_string(100 + coding * 37), std::to_string(value), "Label " + std::to_string(coding * 25 + value)});
  TableVerdict v = Inspect(Table({"Coding", "Value", "Meaning"}, rows), "codings.tsv");
  for (const auto& e : v.explanation.evidence) EXPECT_NE(e.rule, "person/aggregate_columns") << e.what;
  EXPECT_GE(Feature(v, "vocabulary_columns"), 1.0) << v.explanation.decision;
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
}


TEST(ShapeDetection, CountTableOfGroupLabelsAndSharesStaysAnAggregate) {
  // min_share of count-table must still catch group labels plus n and percent.
  Rows counts;
  for (int i = 0; i < 200; ++i)
    counts.push_back({"region" + std::to_string(i % 20), i % 2 ? "M" : "F", std::to_string(18 + i % 5 * 10) + "-29",
                      std::to_string(5 + i % 40), std::to_string(i % 40) + ".5"});
  ResultCollector agg = Analyze(Table({"region", "sex", "age_band", "n", "percent"}, counts, "csv"), "counts.csv");
  EXPECT_LT(ParticipantSeverity(agg), Severity::kMedium);
}

TEST(ShapeDetection, AccountsOfAWebServiceAreNotParticipants) {
  // A product's users: a distinct user_id, a sign-up date, plan and sessions. Broke: the named
  // key and one event date opened the row-count feature, 20,000 rows read as a cohort (medium).
  testing::Rng r(41);
  Rows rows;
  for (int i = 0; i < 2000; ++i)
    rows.push_back({std::to_string(r.Uniform(100000000, 999999999)), testing::Date(r, 2015, 2023), "GB",
                    i % 3 ? "free" : "pro", std::to_string(r.Uniform(0, 500))});
  TableVerdict v = Inspect(Table({"user_id", "signup_date", "country", "plan", "sessions"}, rows), "users.csv");
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
  EXPECT_TRUE(std::find(v.negatives.begin(), v.negatives.end(), "aggregates.service-accounts") != v.negatives.end());

  // One product-like column in a trial (therapy sessions attended) is not an account table.
  Rows trial;
  for (int i = 0; i < 600; ++i)
    trial.push_back({std::to_string(1000 + i), Sex12(r), std::to_string(r.Uniform(18, 80)), testing::Date(r, 1940, 2000),
                     std::to_string(r.Uniform(0, 12)), testing::Date(r, 2019, 2022)});
  TableVerdict t = Inspect(Table({"participant_id", "sex", "age", "date_of_birth", "sessions", "randomisation_date"}, trial));
  EXPECT_GE(SeverityOf(t), Severity::kMedium) << t.explanation.decision;
  EXPECT_TRUE(std::find(t.negatives.begin(), t.negatives.end(), "aggregates.service-accounts") == t.negatives.end());
}

TEST(ShapeDetection, AListOfStudiesIsNotParticipants) {
  // A GWAS catalogue printed by knitr: one row per study, an id, sex and population of the
  // study, case and control counts. Broke: 'id' distinct per row plus sex read as people.
  testing::Rng r(42);
  Rows rows;
  for (int i = 0; i < 400; ++i)
    rows.push_back({"ieu-a-" + std::to_string(i + 1), "Trait " + std::to_string(i % 40), i % 3 ? "Males and Females" : "Females",
                    i % 2 ? "European" : "East Asian", std::to_string(r.Uniform(1000, 90000)), std::to_string(r.Uniform(1000, 90000)),
                    std::to_string(r.Uniform(2000, 180000)), "Consortium " + std::to_string(i % 12),
                    std::to_string(r.Uniform(20000000, 30000000))});
  TableVerdict v = Inspect(Table({"id", "trait", "sex", "population", "ncase", "ncontrol", "sample_size", "consortium", "pmid"},
                                 rows),
                           "available_outcomes.csv");
  EXPECT_LT(SeverityOf(v), Severity::kMedium) << v.explanation.decision;
  EXPECT_TRUE(std::find(v.negatives.begin(), v.negatives.end(), "aggregates.study-list") != v.negatives.end())
      << v.explanation.decision;
}

TEST(ShapeDetection, AFamShapeBlocksWithoutItsNameAndABimWithNumericAllelesIsNoFam) {
  // A history blob has no name yet: the .fam shape alone must reach medium.
  testing::Rng r(43);
  Rows fam, bim;
  for (int i = 0; i < 150; ++i) {
    fam.push_back({"0", "per" + std::to_string(i), "0", "0", Sex12(r), std::to_string(r.Uniform(1, 2))});
    bim.push_back({"1", std::to_string(i + 1), "0", std::to_string(i + 1), "1", "2"});
  }
  EXPECT_GE(SeverityOf(Inspect(Table({}, fam), "blob")), Severity::kMedium);
  // chr, id, cM 0, position equal to the id, alleles 1 and 2: each row its own "parent".
  TableVerdict v = Inspect(Table({}, bim), "example.bim");
  EXPECT_FALSE(v.finding && v.finding->rule == "genomics.plink-fam") << v.explanation.decision;
}

}  // namespace
}  // namespace cg
