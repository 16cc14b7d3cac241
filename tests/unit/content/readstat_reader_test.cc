#include "content/readstat_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/reader_harness.h"
#include "unit/content/structured_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using testing::MakeUkbTable;
using testing::StatsFormat;
using testing::WriteStatsFile;

struct StatsCase {
  const char* label;
  StatsFormat format;
  const char* file_name;
  FileType type;
  const char* table_format;
};

const StatsCase kCases[] = {
    {"Stata", StatsFormat::kDta, "ukb_subset.dta", FileType::kStataDta, "dta"},
    {"SPSS", StatsFormat::kSav, "ukb_subset.sav", FileType::kSpssSav, "sav"},
    {"SAS", StatsFormat::kSas7bdat, "ukb_subset.sas7bdat", FileType::kSas7bdat, "sas7bdat"},
    {"SAS transport", StatsFormat::kXpt, "UKB_SUB.XPT", FileType::kSasXport, "xpt"},
};

// UK Biobank's own Stata/SAS conversions name fields n_<field>_<instance>_<array>.
const std::vector<std::string> kUkbHeader = {"n_eid", "n_31_0_0", "n_34_0_0", "n_52_0_0"};

TEST(ReadStatReader, ReadsHeaderRowCountAndSampleFromEachFormat) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    auto table = MakeUkbTable(kUkbHeader, 37);
    std::string bytes = WriteStatsFile(c.format, table);
    ASSERT_FALSE(bytes.empty()) << "ReadStat refused to write the fixture";
    auto r = ExpandBytes(bytes, c.file_name);
    EXPECT_EQ(r.type, c.type);
    ASSERT_NE(r.reader, nullptr);
    EXPECT_STREQ(r.reader->name(), "readstat");
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    const TableView& t = r.tables[0];
    EXPECT_EQ(t.format, c.table_format);
    EXPECT_EQ(t.header, kUkbHeader);
    EXPECT_EQ(t.row_count, 37);
    EXPECT_FALSE(t.row_count_estimated);
    ASSERT_EQ(t.rows.size(), 37u);
    EXPECT_EQ(t.rows[0][0], "1000001");
    EXPECT_EQ(t.rows[36][0], "1000037");
    EXPECT_EQ(t.rows[5][1], std::to_string(table.rows[5][1]));
    EXPECT_EQ(r.members[0], "");  // one file, one table: no member
  }
}

TEST(ReadStatReader, SamplesAtMostTwoHundredRowsButCountsAll) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string bytes = WriteStatsFile(c.format, MakeUkbTable(kUkbHeader, 1500));
    ASSERT_FALSE(bytes.empty());
    auto t = ReadStatisticsFile(c.type, bytes);
    ASSERT_TRUE(t.ok()) << t.status().message();
    EXPECT_EQ(t->row_count, 1500);
    EXPECT_EQ(t->rows.size(), 200u);
  }
}

TEST(ReadStatReader, TruncatedFileIsCorruptNotACrash) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string bytes = WriteStatsFile(c.format, MakeUkbTable(kUkbHeader, 300));
    ASSERT_GT(bytes.size(), 600u);
    // Off the 80-byte record grid: a transport file records no row count, so a cut on a record
    // boundary reads as a shorter file.
    for (size_t keep : {size_t{40}, size_t{200}, bytes.size() / 2 + 7}) {
      auto t = ReadStatisticsFile(c.type, std::string_view(bytes).substr(0, keep));
      ASSERT_FALSE(t.ok()) << "kept " << keep << " of " << bytes.size();
      EXPECT_EQ(t.status().code(), StatusCode::kCorrupt);
      EXPECT_NE(t.status().message().find("malformed"), std::string::npos) << t.status().message();
    }
  }
}

// Written by R haven's write_xpt (scripts/generate-binary-fixtures): NHANES-style v5, SDTM v8.
TEST(ReadStatReader, ReadsSasTransportFilesWrittenByHaven) {
  auto v5 = ExpandBytes(testing::BinaryFixture("DEMO_SYN.XPT"), "DEMO_SYN.XPT");
  EXPECT_EQ(v5.type, FileType::kSasXport);
  ASSERT_TRUE(v5.status.ok()) << v5.status.message();
  ASSERT_EQ(v5.tables.size(), 1u);
  EXPECT_EQ(v5.tables[0].format, "xpt");
  EXPECT_EQ(v5.tables[0].header, (std::vector<std::string>{"SEQN", "RIAGENDR", "RIDAGEYR", "RIDRETH1", "INDFMPIR"}));
  EXPECT_EQ(v5.tables[0].row_count, 120);
  ASSERT_EQ(v5.tables[0].rows.size(), 120u);
  EXPECT_EQ(v5.tables[0].rows[0][0], "93703");

  auto v8 = ExpandBytes(testing::BinaryFixture("dm_syn.xpt"), "dm_syn.xpt");
  EXPECT_EQ(v8.type, FileType::kSasXport);
  ASSERT_TRUE(v8.status.ok()) << v8.status.message();
  ASSERT_EQ(v8.tables.size(), 1u);
  EXPECT_EQ(v8.tables[0].header[1], "USUBJID");
  EXPECT_EQ(v8.tables[0].row_count, 120);
  EXPECT_EQ(v8.tables[0].rows[2][1], "SYN-001-0003");
}

TEST(ReadStatReader, GarbageAfterMagicIsCorrupt) {
  std::string sav = "$FL2" + std::string(400, '\x7f');
  auto r = ExpandBytes(sav, "x.sav");
  EXPECT_EQ(r.type, FileType::kSpssSav);
  EXPECT_EQ(r.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status.message().find("SPSS"), std::string::npos) << r.status.message();
  EXPECT_TRUE(r.tables.empty());
}

TEST(ReadStatReader, RefusesFilesLargerThanTheContentLimit) {
  std::string bytes = WriteStatsFile(StatsFormat::kDta, MakeUkbTable(kUkbHeader, 100));
  ContentLimits limits;
  limits.max_held_bytes = bytes.size() - 1;
  auto r = ExpandBytes(bytes, "big.dta", limits);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_TRUE(r.tables.empty());
}

}  // namespace
}  // namespace cg
