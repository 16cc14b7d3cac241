#include "content/bgen_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/genotype_fixtures.h"
#include "unit/content/reader_harness.h"
#include "unit/content/variant_fixtures.h"

namespace cg {
namespace {

using testing::BgenSpec;
using testing::ExpandBytes;
using testing::MakeBgen;
using testing::MakeSampleIds;

BgenSpec WithIds(uint32_t layout, uint32_t compression, int n) {
  BgenSpec s;
  s.layout = layout;
  s.compression = compression;
  s.samples = static_cast<uint32_t>(n);
  s.ids = MakeSampleIds(n);
  return s;
}

TEST(BgenReader, SampleIdentifierBlockBecomesTheParticipantsOfEveryLayoutAndCompression) {
  for (uint32_t layout : {1u, 2u})
    for (uint32_t compression : {0u, 1u, 2u}) {
      if (layout == 1 && compression == 2) continue;  // zstd exists in layout 2 only
      SCOPED_TRACE("layout " + std::to_string(layout) + ", compression " + std::to_string(compression));
      auto r = ExpandBytes(MakeBgen(WithIds(layout, compression, 9)), "chr1.bgen");
      EXPECT_EQ(r.type, FileType::kBgen);
      ASSERT_NE(r.reader, nullptr);
      EXPECT_STREQ(r.reader->name(), "bgen");
      ASSERT_TRUE(r.status.ok()) << r.status.message();
      ASSERT_EQ(r.tables.size(), 1u);
      const TableView& t = r.tables[0];
      EXPECT_EQ(t.format, "bgen");
      EXPECT_EQ(t.header, std::vector<std::string>{"sample_id"});
      EXPECT_EQ(t.row_count, 9);
      auto ids = MakeSampleIds(9);
      ASSERT_EQ(t.rows.size(), ids.size());
      for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(t.rows[i], std::vector<std::string>{ids[i]});
    }
}

TEST(BgenReader, WithoutSampleIdsTheHeaderStillCountsThePeople) {
  BgenSpec s;
  s.layout = 1;
  s.compression = 1;
  s.samples = 487409;
  auto r = ExpandBytes(MakeBgen(s), "ukb_imp_chr1.bgen");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].format, "bgen");
  EXPECT_EQ(r.tables[0].row_count, 487409);
  EXPECT_FALSE(r.tables[0].has_header);
  EXPECT_TRUE(r.tables[0].header.empty());
  EXPECT_TRUE(r.tables[0].rows.empty());
}

TEST(BgenReader, ManySamplesAreCountedAndSampled) {
  auto r = ExpandBytes(MakeBgen(WithIds(2, 1, 3000)), "big.bgen");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].row_count, 3000);
  EXPECT_EQ(r.tables[0].rows.size(), 200u);
}

TEST(BgenReader, FilesWrittenByPlink2AreRead) {
  struct Case {
    const char* file;
    bool ids;
  } cases[] = {{"cohort_layout1.bgen", false}, {"cohort_layout2_zlib.bgen", true}, {"cohort_layout2_zstd.bgen", true}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    std::string bytes = testing::BinaryFixture(c.file);
    ASSERT_FALSE(bytes.empty()) << "missing fixture";
    auto r = ExpandBytes(bytes, c.file);
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].row_count, 120);
    EXPECT_EQ(r.tables[0].rows.size(), c.ids ? 120u : 0u);
    if (c.ids) {  // the same people as the .fam plink2 converted them from, as FID_IID
      std::string fam = testing::BinaryFixture("cohort_chr22.fam");
      const std::string fid = fam.substr(0, fam.find(' '));
      EXPECT_EQ(r.tables[0].rows[0][0], fid + "_" + fid);
    }
  }
}

// Older writers leave the magic zero; the rest of the header block says BGEN (a history blob
// has no name yet), so the name is not needed.
TEST(BgenReader, ZeroMagicOfOlderWritersIsReadWithOrWithoutTheName) {
  std::string bytes = MakeBgen(WithIds(1, 1, 4));
  bytes.replace(16, 4, std::string(4, '\0'));
  for (const char* name : {"old.bgen", "old.dat", ""}) {
    SCOPED_TRACE(name);
    auto r = ExpandBytes(bytes, name);
    EXPECT_EQ(r.type, FileType::kBgen);
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].row_count, 4);
  }
}

TEST(BgenReader, TextWithBgenAtTheMagicOffsetIsText) {
  const std::string prose = "Scripts to read bgen files and their .sample companions\n";
  ASSERT_EQ(prose.substr(16, 4), "bgen");
  EXPECT_EQ(ExpandBytes(prose, "README.md").type, FileType::kText);
  EXPECT_EQ(ExpandBytes(std::string(), "empty.bgen").type, FileType::kText);
}

TEST(BgenReader, TruncatedHeaderIsCorruptAndEmitsNothing) {
  std::string bytes = MakeBgen(WithIds(2, 1, 5));
  for (size_t keep : {size_t{3}, size_t{19}, size_t{30}}) {
    auto r = ExpandBytes(bytes.substr(0, keep), "cut.bgen");  // too short for the magic: the name says BGEN
    EXPECT_EQ(r.type, FileType::kBgen) << "kept " << keep;
    EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << "kept " << keep << ": " << r.status.message();
    EXPECT_TRUE(r.tables.empty());
  }
}

TEST(BgenReader, DamagedSampleBlockStillReportsThePeopleThenTheError) {
  std::string bytes = MakeBgen(WithIds(2, 1, 5));
  const size_t block = 4 + 20 + 9;  // the offset field, then the header block (LH = 20 + 9 bytes of free data)
  struct Case {
    const char* label;
    std::string bytes;
  } cases[] = {
      {"truncated inside the block", bytes.substr(0, block + 20)},
      {"count differs from the header", [&] { std::string b = bytes; b[block + 4] = 6; return b; }()},
      {"id length overruns the block", [&] { std::string b = bytes; b[block + 8] = 100; return b; }()},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    auto r = ExpandBytes(c.bytes, "damaged.bgen");
    EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << r.status.message();
    EXPECT_NE(r.status.message().find("sample identifier"), std::string::npos) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].row_count, 5);
    EXPECT_TRUE(r.tables[0].rows.empty());
  }
}

TEST(BgenReader, ImpossibleFlagsAndLengthsAreErrors) {
  BgenSpec zstd_layout1 = WithIds(1, 2, 3);
  EXPECT_EQ(ExpandBytes(MakeBgen(zstd_layout1), "a.bgen").status.code(), StatusCode::kCorrupt);
  BgenSpec layout3 = WithIds(3, 1, 3);
  EXPECT_EQ(ExpandBytes(MakeBgen(layout3), "a.bgen").status.code(), StatusCode::kUnsupported);
  std::string bytes = MakeBgen(WithIds(2, 1, 3));
  bytes[4] = 10;  // header block shorter than its fixed fields
  auto r = ExpandBytes(bytes, "a.bgen");
  EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << r.status.message();
  EXPECT_TRUE(r.tables.empty());
}

TEST(BgenReader, HeaderLengthPastTheLimitIsRefusedBeforeAllocating) {
  std::string bytes("\xff\xff\xff\x7f\xf0\xff\xff\x7f", 8);
  bytes += std::string(8, '\0') + "bgen";
  ContentLimits limits;
  limits.max_total_bytes = 1 << 20;
  auto r = ExpandBytes(bytes, "huge.bgen", limits);
  EXPECT_EQ(r.type, FileType::kBgen);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded) << r.status.message();
}

}  // namespace
}  // namespace cg
