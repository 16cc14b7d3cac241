// Whole-program tests: a UK Biobank-style table saved in each statistics, R, columnar and
// genomics format is found by the built binary, with its member where the format has one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "unit/content/columnar_fixtures.h"
#include "unit/content/r_fixtures.h"
#include "unit/content/structured_fixtures.h"
#include "unit/content/variant_fixtures.h"

namespace cg {
namespace {

using json = nlohmann::json;

json Scan(const std::string& dir) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir);
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

// The finding for `path`, or null.
json FindingFor(const json& report, const std::string& path) {
  for (const auto& f : report["findings"])
    if (f["path"] == path) return f;
  return json();
}

TEST(StructuredFormatsCli, UkbTableIsFoundInsideEachFormat) {
  testing::TempDir dir;
  const std::vector<std::string> ukb = {"eid", "31-0.0", "34-0.0", "21022-0.0"};
  // Stata/SPSS/SAS names cannot hold "-" or ".": UK Biobank's own converters write n_<field>_..
  const std::vector<std::string> ukb_stats = {"n_eid", "n_31_0_0", "n_34_0_0", "n_21022_0_0"};
  auto table = testing::MakeUkbTable(ukb_stats, 300);
  dir.Write("stata/ukb.dta", testing::WriteStatsFile(testing::StatsFormat::kDta, table));
  dir.Write("spss/ukb.sav", testing::WriteStatsFile(testing::StatsFormat::kSav, table));
  dir.Write("sas/ukb.sas7bdat", testing::WriteStatsFile(testing::StatsFormat::kSas7bdat, table));
  testing::RWriter rdata("rdata");
  rdata.SavedObject("pheno");
  testing::WriteUkbFrame(rdata, 300);
  rdata.Nil();
  dir.Write("r/workspace.RData", rdata.bytes());
  testing::RWriter rds;
  testing::WriteUkbFrame(rds, 300);
  dir.Write("r/ukb.rds", rds.bytes());
  std::vector<testing::ParquetColumn> cols;
  for (const auto& c : ukb) cols.push_back({c});
  dir.Write("cols/ukb.parquet", testing::MakeParquet(cols, 4, 300));
  dir.Write("cols/ukb.feather", testing::MakeArrowFile(ukb, {200, 100}));

  json j = Scan(dir.str());
  struct Expect {
    const char* path;
    const char* member;  // nullptr: no member
  } expected[] = {
      {"stata/ukb.dta", nullptr}, {"spss/ukb.sav", nullptr},     {"sas/ukb.sas7bdat", nullptr},
      {"r/workspace.RData", "pheno"}, {"r/ukb.rds", nullptr},     {"cols/ukb.parquet", nullptr},
      {"cols/ukb.feather", nullptr},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.path);
    json f = FindingFor(j, e.path);
    ASSERT_FALSE(f.is_null()) << j.dump(2);
    EXPECT_EQ(f["category"], "participant-data");
    EXPECT_EQ(f["rows"], 300);
    if (e.member)
      EXPECT_EQ(f["member"], e.member);
    else
      EXPECT_TRUE(f["member"].is_null()) << f.dump();
  }
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);
}

TEST(StructuredFormatsCli, CorruptStatisticsFileIsAnErrorNamingTheFileAndTheScanGoesOn) {
  testing::TempDir dir;
  std::string dta = testing::WriteStatsFile(testing::StatsFormat::kDta,
                                            testing::MakeUkbTable({"n_eid", "n_31_0_0"}, 50));
  dir.Write("broken.dta", dta.substr(0, dta.size() / 3));
  dir.Write("data/ukb12345.csv", testing::UkbExtract(200, 3));
  json j = Scan(dir.str());
  ASSERT_EQ(j["errors"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["errors"][0]["path"], "broken.dta");
  EXPECT_NE(j["errors"][0]["message"].get<std::string>().find("readstat"), std::string::npos);
  EXPECT_FALSE(FindingFor(j, "data/ukb12345.csv").is_null());
}

// Whether the sample table is flagged is the detector's call (a genomics rule pack); this test
// pins what the reader hands it, through --explain.
TEST(StructuredFormatsCli, VcfSamplesReachTheDetectorAsATableAndSitesOnlyFilesDoNot) {
  testing::TempDir dir;
  dir.Write("geno/chr22.vcf", testing::MakeVcf(testing::MakeSampleIds(250), 20));
  dir.Write("ref/sites.vcf", testing::MakeVcf({}, 20));
  auto r = testing::Cohortguard({"scan", "--format", "json", "--explain", "."}, dir.str());
  json j = json::parse(r.out);
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);
  std::vector<std::string> explained;
  for (const auto& x : j["explain"]) {
    explained.push_back(x["path"]);
    if (x["path"] == "geno/chr22.vcf") {
      EXPECT_EQ(x["rows"], 250);
      // The genomics pack flags a VCF with sample columns; --explain names columns of flagged
      // tables only (a sniffed "header" of an unflagged one can be data).
      if (x["decision"].get<std::string>().starts_with("flagged")) EXPECT_EQ(x["columns"], json::array({"sample_id"}));
      else EXPECT_EQ(x["column_count"], 1);
    }
  }
  EXPECT_EQ(explained, std::vector<std::string>{"geno/chr22.vcf"}) << j.dump(2);
}

}  // namespace
}  // namespace cg
