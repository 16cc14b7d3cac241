#include "content/vcf_reader.h"

#include <gtest/gtest.h>

#include "unit/content/reader_harness.h"
#include "unit/content/variant_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using testing::MakeBcf;
using testing::MakeSampleIds;
using testing::MakeVcf;

struct VariantCase {
  const char* label;
  bool bcf;
  const char* file_name;
  FileType type;
};

const VariantCase kCases[] = {
    {"VCF", false, "chr1.vcf", FileType::kVcf},
    {"BCF", true, "chr1.bcf", FileType::kBcf},
};

std::string Make(const VariantCase& c, const std::vector<std::string>& samples, int records) {
  return c.bcf ? MakeBcf(samples, records) : MakeVcf(samples, records);
}

TEST(VcfReader, SampleNamesBecomeAParticipantTable) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    auto ids = MakeSampleIds(12);
    std::string bytes = Make(c, ids, 25);
    ASSERT_FALSE(bytes.empty()) << "htslib refused to write the fixture";
    auto r = ExpandBytes(bytes, c.file_name);
    EXPECT_EQ(r.type, c.type);
    ASSERT_NE(r.reader, nullptr);
    EXPECT_STREQ(r.reader->name(), "vcf");
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    const TableView& t = r.tables[0];
    EXPECT_EQ(t.format, "vcf-samples");
    EXPECT_EQ(t.header, std::vector<std::string>{"sample_id"});
    EXPECT_EQ(t.row_count, 12);
    ASSERT_EQ(t.rows.size(), 12u);
    for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(t.rows[i], std::vector<std::string>{ids[i]});
  }
}

TEST(VcfReader, SitesOnlyFileFormsNoTable) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string bytes = Make(c, {}, 40);
    ASSERT_FALSE(bytes.empty());
    auto r = ExpandBytes(bytes, c.file_name);
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    EXPECT_TRUE(r.tables.empty());
  }
}

TEST(VcfReader, ManySamplesAreCountedAndSampled) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string bytes = Make(c, MakeSampleIds(5000), 3);
    ASSERT_FALSE(bytes.empty());
    auto r = ExpandBytes(bytes, c.file_name);
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].row_count, 5000);
    EXPECT_EQ(r.tables[0].rows.size(), 200u);
  }
}

TEST(VcfReader, TruncatedHeaderIsCorrupt) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.label);
    std::string bytes = Make(c, MakeSampleIds(4), 2);
    ASSERT_FALSE(bytes.empty());
    for (size_t keep : {size_t{7}, size_t{60}, size_t{150}}) {
      auto r = ExpandBytes(bytes.substr(0, keep), c.file_name);
      EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << "kept " << keep << ": " << r.status.message();
      EXPECT_TRUE(r.tables.empty());
    }
  }
}

TEST(VcfReader, HeaderWithoutChromLineIsCorrupt) {
  auto r = ExpandBytes("##fileformat=VCFv4.2\n##source=x\n1\t100\t.\tA\tG\t.\t.\t.\n", "x.vcf");
  EXPECT_EQ(r.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status.message().find("#CHROM"), std::string::npos) << r.status.message();
}

TEST(VcfReader, DuplicateSampleNamesAreCorrupt) {
  auto r = ExpandBytes(MakeVcf({"A1", "B2", "A1"}, 1), "dup.vcf");
  EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << r.status.message();
}

TEST(VcfReader, OverlongHeaderLineHitsTheLineLimit) {
  ContentLimits limits;
  limits.max_line_length = 1000;
  std::string vcf = "##fileformat=VCFv4.2\n##junk=" + std::string(5000, 'x') + "\n";
  auto r = ExpandBytes(vcf, "long.vcf", limits);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded) << r.status.message();
}

TEST(VcfReader, BcfHeaderLengthPastTheLimitIsRefusedBeforeAllocating) {
  std::string bcf("BCF\x02\x02\xff\xff\xff\x7f", 9);
  ContentLimits limits;
  limits.max_held_bytes = 1 << 20;
  auto r = ExpandBytes(bcf, "huge.bcf", limits);
  EXPECT_EQ(r.type, FileType::kBcf);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded) << r.status.message();
}

}  // namespace
}  // namespace cg
