// Replays every input under tests/fuzz/regressions/<target>/ (crashes the fuzzers once found) through the
// same driver its fuzz target uses, in the regular build: each must come back as Ok or an error Status.
// A crash, hang or sanitizer report here is a regression of a fixed fuzz finding.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "content/arrow_reader.h"
#include "content/bgen_reader.h"
#include "content/hdf5_reader.h"
#include "content/mat_reader.h"
#include "content/parquet_reader.h"
#include "content/pickle_reader.h"
#include "content/plink_reader.h"
#include "content/rdata_reader.h"
#include "content/readstat_reader.h"
#include "content/sqlite_reader.h"
#include "content/vcf_reader.h"
#include "content/xls_reader.h"
#include "fuzz/container_fuzz_driver.h"
#include "fuzz/structured_fuzz_driver.h"

namespace cg {
namespace {

namespace fs = std::filesystem;
using Runner = std::function<Status(const std::string&)>;

template <typename Reader>
Runner Structured(const char* doc_name) {
  return [doc_name](const std::string& bytes) {
    Reader reader;
    return fuzz::ExpandOnce(reader, doc_name, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  };
}

// As readstat_fuzz.cc: the first byte picks the format.
Status ReadStatInput(const std::string& bytes) {
  if (bytes.empty()) return Status::Ok();
  static const FileType kTypes[] = {FileType::kStataDta, FileType::kSpssSav, FileType::kSas7bdat,
                                    FileType::kSasXport};
  auto t = ReadStatisticsFile(kTypes[static_cast<uint8_t>(bytes[0]) % 4], std::string_view(bytes).substr(1));
  return t.ok() ? Status::Ok() : t.status();
}

// The structured targets (tests/fuzz/*_fuzz.cc), named as their fuzz_<name> binaries.
const std::map<std::string, Runner>& StructuredTargets() {
  static const std::map<std::string, Runner> targets = {
      {"arrow", Structured<ArrowReader>("x.arrow")},   {"bgen", Structured<BgenReader>("x.bgen")},
      {"hdf5", Structured<Hdf5Reader>("x.h5")},        {"mat", Structured<MatReader>("x.mat")},
      {"parquet", Structured<ParquetReader>("x.parquet")}, {"pickle", Structured<PickleReader>("x.pkl")},
      {"plink", Structured<PlinkReader>("x.pgen")},    {"rdata", Structured<RDataReader>("x.rds")},
      {"sqlite", Structured<SqliteReader>("x.db")},    {"vcf", Structured<VcfReader>("x.vcf")},
      {"xls", Structured<XlsReader>("x.xls")},         {"readstat", ReadStatInput},
  };
  return targets;
}

Runner TargetRunner(const std::string& name) {
  if (auto it = StructuredTargets().find(name); it != StructuredTargets().end()) return it->second;
  if (!fuzz::MakeContainerTarget(name)) return nullptr;
  return [name](const std::string& bytes) {
    auto target = *fuzz::MakeContainerTarget(name);
    return fuzz::RunContainerTarget(target, bytes);
  };
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(FuzzRegressions, EveryFoundCrashInputReturnsAStatus) {
  const fs::path root = fs::path(COHORTGUARD_SOURCE_DIR) / "tests/fuzz/regressions";
  ASSERT_TRUE(fs::is_directory(root)) << root;
  size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string name = dir.path().filename().string();
    Runner run = TargetRunner(name);
    ASSERT_TRUE(run) << "tests/fuzz/regressions/" << name << " names no fuzz target";
    for (const auto& file : fs::directory_iterator(dir.path())) {
      if (!file.is_regular_file()) continue;
      SCOPED_TRACE(file.path().string());
      Status s = run(ReadAll(file.path()));  // a crash aborts the test binary; any status is a pass
      (void)s;
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u) << "no regression inputs under " << root;
}

}  // namespace
}  // namespace cg
