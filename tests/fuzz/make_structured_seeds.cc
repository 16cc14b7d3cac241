// Writes seed corpora for the structured-reader fuzzers from the same deterministic generators
// the unit tests use: make_structured_seeds OUT_DIR creates OUT_DIR/<reader>/<seed files>.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "unit/content/binary_fixtures.h"
#include "unit/content/columnar_fixtures.h"
#include "unit/content/genotype_fixtures.h"
#include "unit/content/r_fixtures.h"
#include "unit/content/structured_fixtures.h"
#include "unit/content/variant_fixtures.h"

namespace {

void Put(const std::filesystem::path& dir, const std::string& reader, const std::string& name,
         const std::string& bytes) {
  std::filesystem::create_directories(dir / reader);
  std::ofstream(dir / reader / name, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
    return 2;
  }
  namespace t = cg::testing;
  const std::filesystem::path out = argv[1];
  const auto table = t::MakeUkbTable({"n_eid", "n_31_0_0", "n_34_0_0"}, 12);
  // readstat_fuzz: the first byte picks the format (0 Stata, 1 SPSS, 2 SAS, 3 transport).
  Put(out, "readstat", "dta", std::string(1, '\0') + t::WriteStatsFile(t::StatsFormat::kDta, table));
  Put(out, "readstat", "sav", std::string(1, '\1') + t::WriteStatsFile(t::StatsFormat::kSav, table));
  Put(out, "readstat", "sas7bdat", std::string(1, '\2') + t::WriteStatsFile(t::StatsFormat::kSas7bdat, table));
  Put(out, "readstat", "xpt", std::string(1, '\3') + t::WriteStatsFile(t::StatsFormat::kXpt, table));
  Put(out, "vcf", "samples.vcf", t::MakeVcf(t::MakeSampleIds(5), 3));
  Put(out, "vcf", "samples.bcf", t::MakeBcf(t::MakeSampleIds(5), 3));
  Put(out, "vcf", "sites.vcf", t::MakeVcf({}, 3));
  t::RWriter rds;
  t::WriteUkbFrame(rds, 6, /*compact_eid=*/true);
  Put(out, "rdata", "frame.rds", rds.bytes());
  t::RWriter rdata("rdata");
  rdata.SavedObject("a");
  t::WriteUkbFrame(rdata, 4);
  rdata.SavedObject("b");
  t::WriteUkbFrame(rdata, 3);
  rdata.Nil();
  Put(out, "rdata", "two.RData", rdata.bytes());
  Put(out, "parquet", "flat.parquet", t::MakeParquet({{"eid"}, {"31-0.0"}}, 2, 10));
  Put(out, "parquet", "nested.parquet", t::MakeParquet({{"eid"}, {"dx", 1}, {"element"}}, 2, 10));
  Put(out, "arrow", "two_batches.arrow", t::MakeArrowFile({"eid", "31-0.0"}, {5, 7}));
  t::BgenSpec bgen;
  bgen.samples = 5;
  bgen.ids = t::MakeSampleIds(5);
  Put(out, "bgen", "ids.bgen", t::MakeBgen(bgen));
  bgen.ids.clear();
  bgen.layout = 1;
  bgen.compression = 1;
  Put(out, "bgen", "no_ids.bgen", t::MakeBgen(bgen));
  Put(out, "plink", "snp_major.bed", t::MakeBed(9, 4));
  Put(out, "plink", "fixed.pgen", t::MakePgen(0x02, 4, 9));
  Put(out, "plink", "variable.pgen", t::MakePgen(0x10, 4, 9));
  Put(out, "sqlite", "two_tables.db", t::MakeSqlite(t::UkbRowsSql("a", 30) + t::UkbRowsSql("b", 3)));
  // The real-tool fixtures (scripts/generate-binary-fixtures) seed the readers of their formats.
  for (const char* name : {"ukb_frame.pkl", "ukb_frame_p2.pickle", "patients_indexed.pkl"}) Put(out, "pickle", name, t::BinaryFixture(name));
  for (const char* name : {"cohort_h5py.hdf5", "cohort_store.h5"}) Put(out, "hdf5", name, t::BinaryFixture(name));
  for (const char* name : {"cohort_v5.mat", "cohort_v5z.mat", "cohort_v73.mat"}) Put(out, "mat", name, t::BinaryFixture(name));
  Put(out, "xls", "ukb_legacy.xls", t::BinaryFixture("ukb_legacy.xls"));
  return 0;
}
