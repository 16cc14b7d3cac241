#include "content/plink_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/genotype_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::ExpandBytes;

TEST(PlinkReader, BedIsAGenotypeMatrixWhosePeopleAreInTheFam) {
  for (const char* name : {"chr22.bed", "no_extension"}) {
    SCOPED_TRACE(name);
    auto r = ExpandBytes(testing::MakeBed(10, 6), name);
    EXPECT_EQ(r.type, FileType::kPlinkBed);
    ASSERT_NE(r.reader, nullptr);
    EXPECT_STREQ(r.reader->name(), "plink");
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].format, "plink-bed");
    EXPECT_EQ(r.tables[0].row_count, kUnknownRowCount);
    EXPECT_TRUE(r.tables[0].header.empty());
  }
}

TEST(PlinkReader, BedWrittenByPlink19IsRead) {
  std::string bytes = testing::BinaryFixture("cohort_chr22.bed");
  ASSERT_FALSE(bytes.empty()) << "missing fixture";
  auto r = ExpandBytes(bytes, "cohort_chr22.bed");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].format, "plink-bed");
  // 120 people in 30 bytes per variant, 24 variants: the size the .fam and .bim imply.
  EXPECT_EQ(bytes.size(), 3u + 24u * 30u);
}

TEST(PlinkReader, IndividualMajorBedIsReadByName) {
  std::string bytes = testing::MakeBed(8, 2);
  bytes[2] = 0x00;
  EXPECT_EQ(ExpandBytes(bytes, "old.dat").type, FileType::kUnknownBinary);
  auto r = ExpandBytes(bytes, "old.bed");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].format, "plink-bed");
}

TEST(PlinkReader, BedWithNoVariantsHoldsNoGenotypes) {
  auto r = ExpandBytes(std::string("\x6c\x1b\x01", 3), "empty.bed");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.tables.empty());
}

TEST(PlinkReader, TextBedIntervalsAreNotGenotypes) {
  auto r = ExpandBytes("chr1\t11873\t14409\tDDX11L1\n", "genes.bed");
  EXPECT_EQ(r.type, FileType::kText);
}

TEST(PlinkReader, PgenWrittenByPlink2CountsItsPeople) {
  std::string bytes = testing::BinaryFixture("cohort_chr22.pgen");
  ASSERT_FALSE(bytes.empty()) << "missing fixture";
  for (const char* name : {"cohort_chr22.pgen", "renamed"}) {
    SCOPED_TRACE(name);
    auto r = ExpandBytes(bytes, name);
    EXPECT_EQ(r.type, FileType::kPgen);
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].format, "pgen");
    EXPECT_EQ(r.tables[0].row_count, 120);
    EXPECT_TRUE(r.tables[0].rows.empty());
  }
}

TEST(PlinkReader, FixedWidthPgenCountsItsPeople) {
  std::string bytes("\x6c\x1b\x02", 3);
  testing::PutLittleEndian32(bytes, 5);    // variants
  testing::PutLittleEndian32(bytes, 300);  // samples
  bytes += std::string(5 * 75, '\x55');
  auto r = ExpandBytes(bytes, "fixed.pgen");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].row_count, 300);
}

TEST(PlinkReader, TruncatedPgenIsCorruptNamingWhatIsMissing) {
  std::string bytes = testing::BinaryFixture("cohort_chr22.pgen");
  ASSERT_FALSE(bytes.empty());
  for (size_t keep : {size_t{2}, size_t{9}}) {
    auto r = ExpandBytes(bytes.substr(0, keep), "cut.pgen");
    EXPECT_NE(r.status.code(), StatusCode::kOk) << "kept " << keep;
    EXPECT_TRUE(r.tables.empty()) << "kept " << keep;
  }
  // Past the counts, the people are known: reported, then the error.
  for (size_t keep : {size_t{15}, size_t{40}}) {
    auto r = ExpandBytes(bytes.substr(0, keep), "cut.pgen");
    EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << "kept " << keep << ": " << r.status.message();
    EXPECT_NE(r.status.message().find("PGEN"), std::string::npos) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u) << "kept " << keep;
    EXPECT_EQ(r.tables[0].row_count, 120);
  }
}

TEST(PlinkReader, UnknownPgenModeIsStillGenotypesAndAnError) {
  std::string bytes("\x6c\x1b\x7e", 3);
  bytes += std::string(64, '\0');
  auto r = ExpandBytes(bytes, "future.pgen");
  EXPECT_EQ(r.status.code(), StatusCode::kUnsupported) << r.status.message();
  EXPECT_NE(r.status.message().find("0x7e"), std::string::npos) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].row_count, kUnknownRowCount);
}

TEST(PlinkReader, PgenCountingNobodyIsCorrupt) {
  std::string bytes("\x6c\x1b\x10", 3);
  testing::PutLittleEndian32(bytes, 4);
  testing::PutLittleEndian32(bytes, 0);
  bytes += std::string(40, '\0');
  auto r = ExpandBytes(bytes, "none.pgen");
  EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << r.status.message();
  EXPECT_TRUE(r.tables.empty());
}

}  // namespace
}  // namespace cg
