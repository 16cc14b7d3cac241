#include "content/mat_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/mat_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::BinaryFixture;
using testing::ExpandBytes;

void ExpectCohort(const testing::ExpandResult& r, size_t index, const char* format) {
  ASSERT_LT(index, r.tables.size());
  EXPECT_EQ(r.members[index], "cohort");
  const TableView& t = r.tables[index];
  EXPECT_EQ(t.format, format);
  EXPECT_EQ(t.header, (std::vector<std::string>{"eid", "sex", "year_of_birth"}));
  EXPECT_EQ(t.row_count, 105);
  ASSERT_EQ(t.rows.size(), 105u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1099960", "0", "1945"}));
  EXPECT_EQ(t.rows[104][0], "5902020");
}

TEST(MatReader, ReadsScipySavematVersion5StructsAndMatrices) {
  auto r = ExpandBytes(BinaryFixture("cohort_v5.mat"), "cohort_v5.mat");
  EXPECT_EQ(r.type, FileType::kMat);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "mat");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 2u);
  ExpectCohort(r, 0, "mat");
  EXPECT_EQ(r.members[1], "design");
  EXPECT_EQ(r.tables[1].header, (std::vector<std::string>{"design(:,1)", "design(:,2)", "design(:,3)"}));
  EXPECT_EQ(r.tables[1].rows[1], (std::vector<std::string>{"0", "1", "0"}));
}

TEST(MatReader, ReadsCompressedVersion5) {
  auto r = ExpandBytes(BinaryFixture("cohort_v5z.mat"), "cohort_v5z.mat");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  ExpectCohort(r, 0, "mat");
}

TEST(MatReader, ReadsVersion73ThroughHdf5) {
  auto r = ExpandBytes(BinaryFixture("cohort_v73.mat"), "cohort_v73.mat");
  EXPECT_EQ(r.type, FileType::kMat);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  ExpectCohort(r, 0, "mat");
}

TEST(MatReader, AMatlabTableObjectIsReportedAsNotRead) {
  std::vector<MatTable> tables;
  Status s = ReadMatTables(testing::MakeMatTableObject("cohort"), &tables);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
  EXPECT_NE(s.message().find("MATLAB object"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("not read"), std::string::npos) << s.message();
  EXPECT_TRUE(tables.empty());
}

// The same object saved with -v7.3: an HDF5 dataset of references marked as an object. It is
// reported as not read (exit 3), never taken for a 1 x 6 matrix and passed.
TEST(MatReader, AVersion73TableObjectIsReportedAsNotRead) {
  const std::string mat = testing::MakeMat73TableObject("cohort");
  ASSERT_FALSE(mat.empty());
  auto r = ExpandBytes(mat, "");
  EXPECT_EQ(r.type, FileType::kMat);
  EXPECT_EQ(r.status.code(), StatusCode::kUnsupported) << r.status.message();
  EXPECT_NE(r.status.message().find("'cohort' is a MATLAB object (class table)"), std::string::npos) << r.status.message();
  EXPECT_NE(r.status.message().find("not read"), std::string::npos) << r.status.message();
  EXPECT_TRUE(r.tables.empty());
}

TEST(MatReader, DamagedFilesAreErrors) {
  std::string mat = BinaryFixture("cohort_v5z.mat");
  ASSERT_GT(mat.size(), 300u);
  std::vector<MatTable> tables;
  Status cut = ReadMatTables(mat.substr(0, 300), &tables);
  EXPECT_FALSE(cut.ok());
  EXPECT_NE(cut.message().find("MATLAB"), std::string::npos) << cut.message();
  EXPECT_EQ(ReadMatTables(mat.substr(0, 100), &tables).code(), StatusCode::kCorrupt);
  std::string v5 = BinaryFixture("cohort_v5.mat");
  tables.clear();
  Status half = ReadMatTables(v5.substr(0, v5.size() / 2), &tables);
  EXPECT_FALSE(half.ok());
}

}  // namespace
}  // namespace cg
