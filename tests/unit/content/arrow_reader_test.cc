#include "content/arrow_reader.h"

#include <gtest/gtest.h>

#include "unit/content/columnar_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using testing::MakeArrowFile;

const std::vector<std::string> kUkbHeader = {"eid", "31-0.0", "34-0.0", "53-0.0"};

TEST(ArrowReader, FooterSchemaAndBatchLengthsGiveHeaderAndRowCount) {
  auto r = ExpandBytes(MakeArrowFile(kUkbHeader, {1000, 1000, 437}), "ukb.feather");
  EXPECT_EQ(r.type, FileType::kArrowIpc);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "arrow");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].format, "arrow");
  EXPECT_EQ(r.tables[0].header, kUkbHeader);
  EXPECT_EQ(r.tables[0].row_count, 2437);
  EXPECT_TRUE(r.tables[0].rows.empty());
}

TEST(ArrowReader, FileWithoutBatchesHasZeroRows) {
  auto t = ParseArrowFile(MakeArrowFile(kUkbHeader, {}));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->header, kUkbHeader);
  EXPECT_EQ(t->row_count, 0);
}

TEST(ArrowReader, TruncatedFileIsCorrupt) {
  std::string file = MakeArrowFile(kUkbHeader, {10});
  for (size_t keep : {size_t{6}, size_t{30}, file.size() / 2, file.size() - 1}) {
    auto t = ParseArrowFile(std::string_view(file).substr(0, keep));
    ASSERT_FALSE(t.ok()) << "kept " << keep;
    EXPECT_EQ(t.status().code(), StatusCode::kCorrupt) << t.status().message();
  }
}

TEST(ArrowReader, EveryFlippedByteIsSafe) {
  // Corruption anywhere must give a table or a Status, never a crash or an out-of-bounds read
  // (the fuzzer explores further; this pins it in the ordinary suite).
  const std::string file = MakeArrowFile(kUkbHeader, {3, 4});
  for (size_t i = 0; i < file.size(); ++i) {
    std::string bad = file;
    bad[i] = static_cast<char>(bad[i] ^ 0xa5);
    auto t = ParseArrowFile(bad);
    if (!t.ok()) {
      EXPECT_EQ(t.status().code(), StatusCode::kCorrupt);
    }
  }
}

TEST(ArrowReader, BatchOffsetOutsideTheFileIsCorrupt) {
  std::string file = MakeArrowFile(kUkbHeader, {10});
  // The single Block's offset is the first 8 bytes of the batches vector: find it by value (8).
  std::string needle("\x08\0\0\0\0\0\0\0", 8);
  size_t at = file.rfind(needle);
  ASSERT_NE(at, std::string::npos);
  file[at + 6] = 0x7f;
  auto t = ParseArrowFile(file);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("offset outside"), std::string::npos) << t.status().message();
}

}  // namespace
}  // namespace cg
