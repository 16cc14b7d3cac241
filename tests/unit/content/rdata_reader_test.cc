#include "content/rdata_reader.h"

#include <gtest/gtest.h>

#include "unit/content/r_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using testing::RWriter;
using testing::WriteUkbFrame;

const std::vector<std::string> kUkbHeader = {"eid", "31-0.0", "34-0.0", "21001-0.0"};

std::string UkbRds(int n, bool compact_eid = false) {
  RWriter w;
  WriteUkbFrame(w, n, compact_eid);
  return w.bytes();
}

TEST(RDataReader, RdsDataFrameGivesHeaderRowCountAndSample) {
  auto r = ExpandBytes(UkbRds(25), "ukb_subset.rds");
  EXPECT_EQ(r.type, FileType::kRds);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "rdata");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  const TableView& t = r.tables[0];
  EXPECT_EQ(t.format, "rds");
  EXPECT_EQ(t.header, kUkbHeader);
  EXPECT_EQ(t.row_count, 25);
  ASSERT_EQ(t.rows.size(), 25u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1000001", "Female", "1940", "20.5"}));
  EXPECT_EQ(t.rows[3], (std::vector<std::string>{"1000004", "Male", "1961", "21.25"}));
  EXPECT_EQ(r.members[0], "");
}

TEST(RDataReader, DecompressedRdsIsSniffedWithoutItsName) {
  EXPECT_EQ(SniffFileType(UkbRds(2), "blob"), FileType::kRds);
  EXPECT_EQ(SniffFileType("X\nnot a version", "notes.txt"), FileType::kText);
}

TEST(RDataReader, CompactIntegerSequenceColumnIsExpanded) {
  auto r = ExpandBytes(UkbRds(300, /*compact_eid=*/true), "ukb.rds");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].row_count, 300);
  ASSERT_EQ(r.tables[0].rows.size(), 200u);
  EXPECT_EQ(r.tables[0].rows[199][0], "1000200");
}

TEST(RDataReader, RDataNamesEachDataFrameAndSkipsOtherObjects) {
  RWriter w("rdata");
  w.SavedObject("ukb");
  WriteUkbFrame(w, 10);
  w.SavedObject("bmi_mean");
  w.Reals({24.1});
  w.SavedObject("pheno");  // second frame: attribute symbols are now references
  WriteUkbFrame(w, 7);
  w.Nil();
  auto r = ExpandBytes(w.bytes(), "workspace.RData");
  EXPECT_EQ(r.type, FileType::kRData);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 2u);
  EXPECT_EQ(r.members, (std::vector<std::string>{"ukb", "pheno"}));
  EXPECT_EQ(r.tables[0].format, "rdata");
  EXPECT_EQ(r.tables[0].row_count, 10);
  EXPECT_EQ(r.tables[1].row_count, 7);
  EXPECT_EQ(r.tables[1].header, kUkbHeader);
}

TEST(RDataReader, DataFrameInsideAListIsFoundWithItsPath) {
  RWriter w;
  w.BeginList(2);
  w.Reals({1, 2, 3});
  WriteUkbFrame(w, 5);
  w.EndNamedList({"weights", "baseline"});
  auto r = ExpandBytes(w.bytes(), "results.rds");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.members[0], "baseline");
  EXPECT_EQ(r.tables[0].row_count, 5);
}

TEST(RDataReader, TruncatedStreamIsCorrupt) {
  std::string bytes = UkbRds(50);
  for (size_t keep : {size_t{3}, size_t{20}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    auto t = ReadRDataTables(std::string_view(bytes).substr(0, keep));
    ASSERT_FALSE(t.ok()) << "kept " << keep;
    EXPECT_EQ(t.status().code(), StatusCode::kCorrupt) << t.status().message();
  }
}

TEST(RDataReader, HugeDeclaredLengthIsRefusedWithoutAllocating) {
  RWriter w;
  w.Flags(19);
  w.Int(-1);  // long vector: length in two words
  w.Int(0x7fff);
  w.Int(-1);
  auto t = ReadRDataTables(w.bytes());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kCorrupt);
}

TEST(RDataReader, DeepNestingIsRefusedNotAStackOverflow) {
  RWriter w;
  for (int i = 0; i < 100000; ++i) {
    w.Flags(19);
    w.Int(1);
  }
  w.Nil();
  auto t = ReadRDataTables(w.bytes());
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("nested"), std::string::npos) << t.status().message();
}

TEST(RDataReader, UnknownTypeAndBadReferenceAreCorrupt) {
  RWriter unknown;
  unknown.Int(77);
  EXPECT_EQ(ReadRDataTables(unknown.bytes()).status().code(), StatusCode::kCorrupt);
  RWriter bad_ref;
  bad_ref.Int((5 << 8) | 255);
  auto t = ReadRDataTables(bad_ref.bytes());
  EXPECT_EQ(t.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(t.status().message().find("reference"), std::string::npos);
}

// Found by fuzz_rdata: attributes that were a list, not a tagged pairlist, indexed past the tags.
TEST(RDataReader, AttributesThatAreNotAPairlistAreDroppedNotACrash) {
  RWriter w;
  w.Flags(13, false, /*attr=*/true);
  w.Int(1);
  w.Int(7);
  w.Flags(19);  // attribute slot holds list(NULL, NULL)
  w.Int(2);
  w.Nil();
  w.Nil();
  auto t = ReadRDataTables(w.bytes());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_TRUE(t->empty());
}

TEST(RDataReader, AsciiSerializationIsUnsupportedByName) {
  auto r = ExpandBytes("RDA3\nA\n3\n262402\n", "old.RData");
  EXPECT_EQ(r.type, FileType::kRData);
  EXPECT_EQ(r.status.code(), StatusCode::kUnsupported);
  EXPECT_NE(r.status.message().find("ASCII"), std::string::npos);
}

}  // namespace
}  // namespace cg
