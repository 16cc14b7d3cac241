// Whole-program tests of the genotype readers on files written by PLINK 1.9 and PLINK 2
// (scripts/generate-binary-fixtures): every individual-level file is a finding, the per-variant
// files and GWAS summary statistics stay clean, damage is an error with exit 3, and the real
// pre-commit hook refuses a genotype matrix committed without its companions.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"
#include "unit/content/binary_fixtures.h"

namespace cg {
namespace {

using json = nlohmann::json;

std::string Fixture(const std::string& name) {
  std::string bytes = testing::BinaryFixture(name);
  EXPECT_FALSE(bytes.empty()) << "missing fixture tests/data/binary/" << name;
  return bytes;
}

struct Scanned {
  int exit_code;
  json report;
};

Scanned Scan(const testing::TempDir& dir) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir.str());
  EXPECT_FALSE(r.out.empty()) << r.err;
  return {r.exit_code, json::parse(r.out)};
}

json FindingFor(const json& report, const std::string& path) {
  for (const auto& f : report["findings"])
    if (f["path"] == path) return f;
  return json();
}

TEST(GenotypeFormatsCli, EveryIndividualLevelFileIsFoundAndPerVariantFilesStayClean) {
  testing::TempDir dir;
  for (const char* f : {"cohort_chr22.bed", "cohort_chr22.bim", "cohort_chr22.fam", "cohort_chr22.pgen",
                        "cohort_chr22.psam", "cohort_chr22.pvar", "cohort.pheno", "cohort_layout1.bgen",
                        "cohort_layout2_zlib.bgen", "cohort_layout2_zlib.sample", "cohort_layout2_zstd.bgen",
                        "height_gwas.glm.linear"})
    dir.Write(std::string("geno/") + f, Fixture(f));
  Scanned s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  EXPECT_EQ(s.exit_code, 1);

  json bed = FindingFor(s.report, "geno/cohort_chr22.bed");
  ASSERT_FALSE(bed.is_null()) << s.report.dump(2);
  EXPECT_EQ(bed["rule"], "genomics.genotype-matrix");
  EXPECT_EQ(bed["severity"], "high");
  EXPECT_TRUE(bed["rows"].is_null()) << bed.dump(2);  // its people are in the .fam
  for (const char* path : {"geno/cohort_chr22.pgen", "geno/cohort_layout1.bgen", "geno/cohort_layout2_zlib.bgen",
                           "geno/cohort_layout2_zstd.bgen"}) {
    SCOPED_TRACE(path);
    json f = FindingFor(s.report, path);
    ASSERT_FALSE(f.is_null()) << s.report.dump(2);
    EXPECT_EQ(f["rule"], "genomics.genotype-matrix");
    EXPECT_EQ(f["severity"], "high");
    EXPECT_EQ(f["rows"], 120);
  }
  EXPECT_EQ(FindingFor(s.report, "geno/cohort_layout2_zlib.bgen")["columns"], json::array({"sample_id"}));
  EXPECT_EQ(FindingFor(s.report, "geno/cohort_layout1.bgen")["columns"], json::array());
  struct Companion {
    const char* path;
    const char* rule;
    int rows;
  } companions[] = {{"geno/cohort_chr22.fam", "genomics.plink-fam", 120},
                    {"geno/cohort_chr22.psam", "genomics.plink-table", 120},
                    {"geno/cohort.pheno", "genomics.plink-table", 120},
                    // The text analysis counts the .sample's column-type row ("0 0 0 D") as a row.
                    {"geno/cohort_layout2_zlib.sample", "genomics.bgen-sample", 121}};
  for (const auto& c : companions) {
    SCOPED_TRACE(c.path);
    json f = FindingFor(s.report, c.path);
    ASSERT_FALSE(f.is_null()) << s.report.dump(2);
    EXPECT_EQ(f["rule"], c.rule);
    EXPECT_EQ(f["rows"], c.rows);
    EXPECT_NE(f["severity"], "low") << f.dump(2);
  }
  for (const char* path : {"geno/cohort_chr22.bim", "geno/cohort_chr22.pvar", "geno/height_gwas.glm.linear"})
    EXPECT_TRUE(FindingFor(s.report, path).is_null()) << path << ": " << s.report.dump(2);
  // No sample id reaches the report.
  std::string fam = Fixture("cohort_chr22.fam");
  EXPECT_EQ(s.report.dump().find(fam.substr(0, fam.find(' '))), std::string::npos);
}

TEST(GenotypeFormatsCli, DamagedGenotypeFilesAreErrorsNamingTheFileWithExitThree) {
  testing::TempDir dir;
  std::string bgen = Fixture("cohort_layout2_zlib.bgen");
  std::string pgen = Fixture("cohort_chr22.pgen");
  dir.Write("imp/cut_in_samples.bgen", bgen.substr(0, 300));
  dir.Write("imp/cut_in_header.bgen", bgen.substr(0, 22));
  dir.Write("geno/cut.pgen", pgen.substr(0, 40));
  Scanned s = Scan(dir);
  EXPECT_EQ(s.exit_code, 3) << s.report.dump(2);
  std::set<std::string> errors;
  for (const auto& e : s.report["errors"]) {
    errors.insert(e["path"].get<std::string>());
    const std::string m = e["message"];
    EXPECT_TRUE(m.find("BGEN") != std::string::npos || m.find("PGEN") != std::string::npos) << m;
  }
  EXPECT_EQ(errors, (std::set<std::string>{"imp/cut_in_samples.bgen", "imp/cut_in_header.bgen", "geno/cut.pgen"}))
      << s.report.dump(2);
  // Where the header's count was read, the people are still reported.
  EXPECT_EQ(FindingFor(s.report, "imp/cut_in_samples.bgen")["rows"], 120) << s.report.dump(2);
  EXPECT_EQ(FindingFor(s.report, "geno/cut.pgen")["rows"], 120) << s.report.dump(2);
}

TEST(GenotypeFormatsCli, PreCommitHookRefusesABedCommittedAlone) {
  testing::Fixture fx;
  testing::RunResult r = fx.Commit("data/chr22.bed", Fixture("cohort_chr22.bed"));
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("data/chr22.bed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("genomics.genotype-matrix"), std::string::npos) << r.err;
  EXPECT_EQ(testing::Rev("HEAD:data/chr22.bed", fx.work), "");
}

}  // namespace
}  // namespace cg
