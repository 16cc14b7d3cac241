#include "content/parquet_reader.h"

#include <gtest/gtest.h>

#include "unit/content/columnar_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using testing::MakeParquet;
using testing::ParquetColumn;

std::vector<ParquetColumn> UkbColumns(int n) {
  std::vector<ParquetColumn> cols = {{"eid"}, {"31-0.0"}, {"34-0.0"}};
  for (int i = 0; static_cast<int>(cols.size()) < n; ++i) cols.push_back({"20002-0." + std::to_string(i)});
  return cols;
}

TEST(ParquetReader, FooterGivesColumnNamesAndRowCount) {
  auto r = ExpandBytes(MakeParquet(UkbColumns(3), 3, 502411), "ukb.parquet");
  EXPECT_EQ(r.type, FileType::kParquet);
  ASSERT_NE(r.reader, nullptr);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].format, "parquet");
  EXPECT_EQ(r.tables[0].header, (std::vector<std::string>{"eid", "31-0.0", "34-0.0"}));
  EXPECT_EQ(r.tables[0].row_count, 502411);
  EXPECT_TRUE(r.tables[0].rows.empty());  // values are not decoded
}

TEST(ParquetReader, WideSchemaUsesLongListHeaders) {
  auto r = ExpandBytes(MakeParquet(UkbColumns(40), 40, 9), "wide.parquet");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].header.size(), 40u);
  EXPECT_EQ(r.tables[0].header[39], "20002-0.36");
}

TEST(ParquetReader, NestedGroupsContributeOnlyTheirTopLevelName) {
  std::vector<ParquetColumn> cols = {{"eid"}, {"diagnoses", 1}, {"list", 1}, {"element"}, {"sex"}};
  auto t = ParseParquetTail(MakeParquet(cols, 3, 12));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->header, (std::vector<std::string>{"eid", "diagnoses", "sex"}));
}

TEST(ParquetReader, LargeFileIsStreamedToItsFooter) {
  std::string file = MakeParquet(UkbColumns(3), 3, 77);
  std::string big = file.substr(0, 4) + std::string(3 << 20, 'x') + file.substr(4);
  auto r = ExpandBytes(big, "big.parquet");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.tables[0].row_count, 77);
}

TEST(ParquetReader, TruncatedOrCorruptFooterIsCorrupt) {
  std::string file = MakeParquet(UkbColumns(3), 3, 10);
  struct Case {
    const char* label;
    std::string bytes;
  } cases[] = {
      {"cut tail", file.substr(0, file.size() - 3)},
      {"cut middle", file.substr(0, 40)},
      {"footer length past start", file.substr(0, file.size() - 8) + std::string("\xff\xff\x00\x00", 4) + "PAR1"},
      {"garbage footer", file.substr(0, 68) + std::string(30, '\xff') + std::string("\x1e\x00\x00\x00", 4) + "PAR1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    auto r = ExpandBytes(c.bytes, "bad.parquet");
    EXPECT_EQ(r.status.code(), StatusCode::kCorrupt) << r.status.message();
    EXPECT_TRUE(r.tables.empty());
  }
}

TEST(ParquetReader, SchemaDeclaringMoreChildrenThanItHasIsCorrupt) {
  auto t = ParseParquetTail(MakeParquet(UkbColumns(3), 9, 10));
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("fewer elements"), std::string::npos);
}

TEST(ParquetReader, HugeFooterLengthIsALimitNotAnAllocation) {
  std::string bytes = "PAR1" + std::string(16, '\0') + std::string("\xff\xff\xff\x7f", 4) + "PAR1";
  auto t = ParseParquetTail(bytes);
  EXPECT_EQ(t.status().code(), StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace cg
