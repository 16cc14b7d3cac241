// Whole-program tests of the binary readers on files written by the real tools
// (scripts/generate-binary-fixtures): each is found by the built binary, and a damaged one is an
// error naming the file with exit 3 while the rest of the scan goes on.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "support/test_support.h"
#include "unit/content/binary_fixtures.h"
#include "unit/source/git_test_repo.h"
#include "unit/content/hdf5_fixtures.h"
#include "unit/content/mat_fixtures.h"

namespace cg {
namespace {

using json = nlohmann::json;

struct ScanOutput {
  int exit_code;
  json report;
};

ScanOutput Scan(const testing::TempDir& dir) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir.str());
  EXPECT_FALSE(r.out.empty()) << r.err;
  return {r.exit_code, json::parse(r.out)};
}

json FindingFor(const json& report, const std::string& path, const char* member = nullptr) {
  for (const auto& f : report["findings"])
    if (f["path"] == path && (!member || f["member"] == member)) return f;
  return json();
}

void Copy(const testing::TempDir& dir, const std::string& fixture, const std::string& to) {
  std::string bytes = testing::BinaryFixture(fixture);
  ASSERT_FALSE(bytes.empty()) << "missing fixture tests/data/binary/" << fixture;
  dir.Write(to, bytes);
}

TEST(BinaryFormatsCli, SasTransportFilesAreFound) {
  testing::TempDir dir;
  Copy(dir, "DEMO_SYN.XPT", "nhanes/DEMO_SYN.XPT");
  Copy(dir, "dm_syn.xpt", "sdtm/dm.xpt");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  for (const char* path : {"nhanes/DEMO_SYN.XPT", "sdtm/dm.xpt"}) {
    SCOPED_TRACE(path);
    json f = FindingFor(s.report, path);
    ASSERT_FALSE(f.is_null()) << s.report.dump(2);
    EXPECT_EQ(f["category"], "participant-data");
    EXPECT_EQ(f["rows"], 120);
  }
  EXPECT_EQ(s.exit_code, 1);
}

TEST(BinaryFormatsCli, SqliteTablesAreFoundByTableName) {
  testing::TempDir dir;
  Copy(dir, "ukb_extract.sqlite", "analysis/ukb_extract.sqlite");
  Copy(dir, "cohort_wal.db", "cohort.db");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  json f = FindingFor(s.report, "analysis/ukb_extract.sqlite", "participants");
  ASSERT_FALSE(f.is_null()) << s.report.dump(2);
  EXPECT_EQ(f["category"], "participant-data");
  EXPECT_EQ(f["rows"], 150);
  json wal = FindingFor(s.report, "cohort.db", "patients");
  ASSERT_FALSE(wal.is_null()) << s.report.dump(2);
  EXPECT_EQ(wal["rows"], 120);
}

TEST(BinaryFormatsCli, DamagedSqliteIsAnErrorWithExitThreeAndTheScanGoesOn) {
  testing::TempDir dir;
  std::string db = testing::MakeSqlite(testing::UkbRowsSql("a", 3000));
  dir.Write("broken.sqlite", db.substr(0, db.size() / 2));
  dir.Write("data/ukb12345.csv", testing::UkbExtract(200, 3));
  auto s = Scan(dir);
  EXPECT_EQ(s.exit_code, 3) << s.report.dump(2);
  ASSERT_EQ(s.report["errors"].size(), 1u) << s.report.dump(2);
  EXPECT_EQ(s.report["errors"][0]["path"], "broken.sqlite");
  EXPECT_NE(s.report["errors"][0]["message"].get<std::string>().find("sqlite"), std::string::npos);
  EXPECT_FALSE(FindingFor(s.report, "data/ukb12345.csv").is_null());
}

TEST(BinaryFormatsCli, OdsSheetsAndSevenZipMembersAreFound) {
  testing::TempDir dir;
  Copy(dir, "ukb_pilot.ods", "pilot/ukb_pilot.ods");
  Copy(dir, "analysis_backup.7z", "backup/analysis_backup.7z");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  json ods = FindingFor(s.report, "pilot/ukb_pilot.ods", "participants");
  ASSERT_FALSE(ods.is_null()) << s.report.dump(2);
  EXPECT_EQ(ods["category"], "participant-data");
  EXPECT_EQ(ods["rows"], 130);
  json seven = FindingFor(s.report, "backup/analysis_backup.7z", "pheno/ukb_extract.csv");
  ASSERT_FALSE(seven.is_null()) << s.report.dump(2);
  EXPECT_EQ(seven["rows"], 160);
  EXPECT_EQ(s.exit_code, 1);
}

TEST(BinaryFormatsCli, LegacyExcelSheetsAreFoundBelowTheirTitleRows) {
  testing::TempDir dir;
  Copy(dir, "ukb_legacy.xls", "reports/ukb_legacy.xls");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  json f = FindingFor(s.report, "reports/ukb_legacy.xls", "participants");
  ASSERT_FALSE(f.is_null()) << s.report.dump(2);
  EXPECT_EQ(f["category"], "participant-data");
  EXPECT_EQ(f["rows"], 140);
  EXPECT_EQ(s.exit_code, 1);
}

TEST(BinaryFormatsCli, Hdf5StoresAndDatasetsAreFound) {
  testing::TempDir dir;
  Copy(dir, "cohort_store.h5", "cache/cohort_store.h5");
  Copy(dir, "cohort_h5py.hdf5", "cache/cohort.hdf5");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  for (const auto& [path, member, rows] : {std::tuple{"cache/cohort_store.h5", "participants", 125},
                                           std::tuple{"cache/cohort_store.h5", "visits/baseline/table", 125},
                                           std::tuple{"cache/cohort.hdf5", "participants", 110},
                                           std::tuple{"cache/cohort.hdf5", "genotyped", 110}}) {
    SCOPED_TRACE(std::string(path) + ":" + member);
    json f = FindingFor(s.report, path, member);
    ASSERT_FALSE(f.is_null()) << s.report.dump(2);
    EXPECT_EQ(f["category"], "participant-data");
    EXPECT_EQ(f["rows"], rows);
  }
  EXPECT_EQ(s.exit_code, 1);
}

TEST(BinaryFormatsCli, AnHdf5TensorIsReadNotPassedOverSilently) {
  // A dataset of three axes (participants x fields x visits) once gave no table at all, exit 0.
  // Its columns have no names, so whether it is flagged is detection's call; that it was read
  // (as the table of its first two axes) is what --explain shows.
  testing::TempDir dir;
  dir.Write("cache/visits.h5", testing::MakeHdf5Tensor("cohort/visits", 150, 3));
  auto r = testing::Cohortguard({"scan", "--format", "json", "--explain", "."}, dir.str());
  ASSERT_FALSE(r.out.empty()) << r.err;
  json report = json::parse(r.out);
  EXPECT_TRUE(report["errors"].empty()) << report.dump(2);
  EXPECT_TRUE(report["skipped"].empty()) << report.dump(2);
  bool read = false;
  for (const auto& e : report["explain"])
    read |= e["path"] == "cache/visits.h5" && e["member"] == "cohort" && e["rows"] == 150 && e["column_count"] == 4;
  EXPECT_TRUE(read) << report.dump(2);
  EXPECT_NE(r.exit_code, 3);
}

TEST(BinaryFormatsCli, PickledFramesAreFoundCompressedOrNot) {
  testing::TempDir dir;
  Copy(dir, "ukb_frame.pkl", "work/ukb_frame.pkl");
  Copy(dir, "ukb_frame.pkl.gz", "work/ukb_frame.pkl.gz");
  Copy(dir, "ukb_frame_p2.pickle", "work/old.pickle");
  Copy(dir, "patients_indexed.pkl", "work/patients.pkl");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  for (const char* path : {"work/ukb_frame.pkl", "work/ukb_frame.pkl.gz", "work/old.pickle"}) {
    SCOPED_TRACE(path);
    json f = FindingFor(s.report, path);
    ASSERT_FALSE(f.is_null()) << s.report.dump(2);
    EXPECT_EQ(f["category"], "participant-data");
    EXPECT_EQ(f["rows"], 135);
  }
  json ids = FindingFor(s.report, "work/patients.pkl");
  ASSERT_FALSE(ids.is_null()) << s.report.dump(2);
  EXPECT_EQ(ids["rows"], 115);
  // No cell value reaches the report.
  EXPECT_EQ(s.report.dump().find("9434760000"), std::string::npos);
  EXPECT_EQ(s.exit_code, 1);
}

TEST(BinaryFormatsCli, MatlabFilesOfVersionFiveAndSevenThreeAreFound) {
  testing::TempDir dir;
  Copy(dir, "cohort_v5.mat", "matlab/cohort_v5.mat");
  Copy(dir, "cohort_v5z.mat", "matlab/cohort_v5z.mat");
  Copy(dir, "cohort_v73.mat", "matlab/cohort_v73.mat");
  auto s = Scan(dir);
  EXPECT_TRUE(s.report["errors"].empty()) << s.report.dump(2);
  for (const char* path : {"matlab/cohort_v5.mat", "matlab/cohort_v5z.mat", "matlab/cohort_v73.mat"}) {
    SCOPED_TRACE(path);
    json f = FindingFor(s.report, path, "cohort");
    ASSERT_FALSE(f.is_null()) << s.report.dump(2);
    EXPECT_EQ(f["category"], "participant-data");
    EXPECT_EQ(f["rows"], 105);
  }
  EXPECT_EQ(s.exit_code, 1);
}

TEST(BinaryFormatsCli, AMatlabTableObjectIsReportedNotPassedAsEmpty) {
  testing::TempDir dir;
  dir.Write("matlab/cohort_table.mat", testing::MakeMatTableObject("cohort"));
  auto s = Scan(dir);
  EXPECT_EQ(s.exit_code, 3) << s.report.dump(2);
  bool named = false;
  for (const char* list : {"skipped", "errors"})
    for (const auto& e : s.report[list]) {
      std::string says = e.contains("reason") ? e["reason"].get<std::string>() : e.value("message", "");
      named |= e["path"] == "matlab/cohort_table.mat" && says.find("MATLAB object") != std::string::npos;
    }
  EXPECT_TRUE(named) << s.report.dump(2);
}

TEST(BinaryFormatsCli, DamagedArrayAndWorkbookFilesAreErrorsNamingTheFile) {
  testing::TempDir dir;
  struct Case {
    const char* fixture;
    const char* path;
    size_t keep;
    const char* says;
  };
  const Case cases[] = {{"ukb_legacy.xls", "broken.xls", 4096, ".xls"},
                        {"cohort_h5py.hdf5", "broken.h5", 1500, "HDF5"},
                        {"ukb_frame.pkl", "broken.pkl", 3000, "pickle"},
                        {"cohort_v5.mat", "broken.mat", 1500, "MATLAB"}};
  for (const auto& c : cases) dir.Write(c.path, testing::BinaryFixture(c.fixture).substr(0, c.keep));
  dir.Write("data/ukb12345.csv", testing::UkbExtract(200, 3));
  auto s = Scan(dir);
  EXPECT_EQ(s.exit_code, 3) << s.report.dump(2);
  ASSERT_EQ(s.report["errors"].size(), std::size(cases)) << s.report.dump(2);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    bool named = false;
    for (const auto& e : s.report["errors"])
      if (e["path"] == c.path) named = e["message"].get<std::string>().find(c.says) != std::string::npos;
    EXPECT_TRUE(named) << s.report["errors"].dump(2);
  }
  EXPECT_FALSE(FindingFor(s.report, "data/ukb12345.csv").is_null());
}

// A history blob is read before the walk has named it: every format must be known from its
// content, or `scan --history` passes what `scan .` finds (a protocol-2 pickle did: exit 0).
TEST(BinaryFormatsCli, HistoryFindsInEveryCommittedFixtureWhatAWorktreeScanFinds) {
  testing::GitTestRepo repo;
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(COHORTGUARD_SOURCE_DIR) + "/tests/data/binary")) {
    repo.Write(e.path().filename().string(), testing::BinaryFixture(e.path().filename().string()));
    ++files;
  }
  ASSERT_GE(files, 20u);
  repo.Commit("fixtures");
  auto per_path = [&](const std::vector<std::string>& flags) {
    std::vector<std::string> args{"scan", "--format", "json"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back(".");
    auto r = testing::Cohortguard(args, repo.dir());
    EXPECT_FALSE(r.out.empty()) << r.err;
    json j = json::parse(r.out);
    EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump(2);
    // Rule, member and whether it blocks: a file name can still add evidence (a `.fam` name
    // raises the shape's medium to high), which a blob read before the walk named it lacks.
    std::map<std::string, std::multiset<std::string>> out;
    for (const json& f : j["findings"]) {
      const std::string sev = f["severity"].get<std::string>();
      out[f["path"].get<std::string>()].insert(f["rule"].get<std::string>() + " " +
                                               (sev == "high" || sev == "medium" ? "blocks" : sev) + " " +
                                               (f["member"].is_null() ? "" : f["member"].get<std::string>()));
    }
    return out;
  };
  const auto worktree = per_path({}), history = per_path({"--history"});
  EXPECT_GE(worktree.size(), 20u);
  for (const auto& [path, found] : worktree) {
    auto it = history.find(path);
    ASSERT_NE(it, history.end()) << path << ": found by scan ., not by scan --history";
    EXPECT_EQ(it->second, found) << path;
  }
  EXPECT_EQ(history.size(), worktree.size());
}

// Formats whose header another tool may leave ambiguous: BGEN with its magic left zero (old
// writers) and an ASCII R serialization. `scan --history` reads them before a name is known; it
// must say what `scan .` says: the BGEN's samples are found, the ASCII .rds is an error (exit 3).
TEST(BinaryFormatsCli, HistoryKnowsZeroMagicBgenAndAsciiRdsWithoutTheirNames) {
  testing::GitTestRepo repo;
  std::string bgen = testing::BinaryFixture("cohort_layout1.bgen");
  ASSERT_GE(bgen.size(), 24u);
  bgen.replace(16, 4, std::string(4, '\0'));
  repo.Write("old_writer.bgen", bgen);
  repo.Write("frame.rds", "A\n3\n263169\n197888\n5\nUTF-8\n787\n2\n14\n1\n1000017\n");
  repo.Commit("genotypes and a frame");
  for (const std::vector<std::string>& flags : {std::vector<std::string>{}, std::vector<std::string>{"--history"}}) {
    std::vector<std::string> args{"scan", "--format", "json"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back(".");
    auto r = testing::Cohortguard(args, repo.dir());
    SCOPED_TRACE(flags.empty() ? "scan ." : "scan --history");
    ASSERT_FALSE(r.out.empty()) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(r.exit_code, 3) << j.dump(2);
    EXPECT_FALSE(FindingFor(j, "old_writer.bgen").is_null()) << j.dump(2);
    bool rds_error = false;
    for (const auto& e : j["errors"])
      rds_error |= e["path"] == "frame.rds" && e["message"].get<std::string>().find("ASCII") != std::string::npos;
    EXPECT_TRUE(rds_error) << j["errors"].dump(2);
  }
}

// matio and FreeXL run in forked children while other workers read HDF5 files: when libhdf5 ran
// in-process, a child forked while a worker held its global mutex waited on it until its 60 s
// deadline (one scan in six under load). Many of each at once, on several threads: all are read.
TEST(BinaryFormatsCli, IsolatedReadersBesideHdf5ReadsFinishEveryFile) {
  testing::TempDir dir;
  const std::string h5 = testing::BinaryFixture("cohort_h5py.hdf5"), mat = testing::BinaryFixture("cohort_v5.mat"),
                    xls = testing::BinaryFixture("ukb_legacy.xls");
  for (int i = 0; i < 24; ++i) {
    dir.Write("h5/" + std::to_string(i) + ".hdf5", h5);
    dir.Write("mat/" + std::to_string(i) + ".mat", mat);
    dir.Write("xls/" + std::to_string(i) + ".xls", xls);
  }
  auto r = testing::Cohortguard({"scan", "--format", "json", "--threads", "4", "."}, dir.str());
  ASSERT_FALSE(r.out.empty()) << r.err;
  json j = json::parse(r.out);
  EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump(2);
  std::set<std::string> found;
  for (const json& f : j["findings"]) found.insert(f["path"].get<std::string>());
  EXPECT_EQ(found.size(), 72u);
}

}  // namespace
}  // namespace cg
