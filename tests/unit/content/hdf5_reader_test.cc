#include "content/hdf5_reader.h"

#include <H5PLpublic.h>
#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/hdf5_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::BinaryFixture;
using testing::ExpandBytes;

const TableView* Member(const testing::ExpandResult& r, const std::string& member) {
  for (size_t i = 0; i < r.members.size(); ++i)
    if (r.members[i] == member) return &r.tables[i];
  return nullptr;
}

TEST(Hdf5Reader, ReadsPandasHdfStoreFixedAndTableFormats) {
  auto r = ExpandBytes(BinaryFixture("cohort_store.h5"), "cohort_store.h5");
  EXPECT_EQ(r.type, FileType::kHdf5);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "hdf5");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const TableView* fixed = Member(r, "participants");
  ASSERT_NE(fixed, nullptr);
  EXPECT_EQ(fixed->format, "hdf5");
  EXPECT_EQ(fixed->header, (std::vector<std::string>{"index", "eid", "31-0.0", "34-0.0", "21001-0.0"}));
  EXPECT_EQ(fixed->row_count, 125);
  ASSERT_EQ(fixed->rows.size(), 125u);
  EXPECT_EQ(fixed->rows[0], (std::vector<std::string>{"0", "1014888", "0", "1943", "20"}));
  EXPECT_EQ(fixed->rows[124][1], "5999433");
  const TableView* table = Member(r, "visits/baseline/table");
  ASSERT_NE(table, nullptr);
  // values_block_N columns are named from pandas' pickled <field>_kind attributes.
  EXPECT_EQ(table->header, (std::vector<std::string>{"index", "eid", "31-0.0", "34-0.0", "21001-0.0"}));
  EXPECT_EQ(table->row_count, 125);
  EXPECT_EQ(table->rows[1], (std::vector<std::string>{"1", fixed->rows[1][1], "1", "1950", "23.7"}));
  const TableView* by_sex = Member(r, "by_sex/table");
  ASSERT_NE(by_sex, nullptr);
  EXPECT_EQ(by_sex->row_count, 2);
  // PyTables' index structures are not tables.
  for (const auto& m : r.members) EXPECT_EQ(m.find("_i_table"), std::string::npos) << m;
  EXPECT_EQ(r.tables.size(), 3u);
}

TEST(Hdf5Reader, ReadsH5pyCompoundAndColumnDatasets) {
  auto r = ExpandBytes(BinaryFixture("cohort_h5py.hdf5"), "cohort_h5py.hdf5");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const TableView* compound = Member(r, "participants");
  ASSERT_NE(compound, nullptr);
  EXPECT_EQ(compound->header, (std::vector<std::string>{"participant_id", "sex", "year_of_birth", "bmi"}));
  EXPECT_EQ(compound->row_count, 110);
  EXPECT_EQ(compound->rows[0], (std::vector<std::string>{"SYN004200", "0", "1944", "19"}));
  EXPECT_EQ(compound->rows[1][3], "20.3");  // float32, printed with the digits it holds
  const TableView* group = Member(r, "genotyped");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->header,
            (std::vector<std::string>{"dosage[0]", "dosage[1]", "dosage[2]", "dosage[3]", "eid", "sex"}));
  EXPECT_EQ(group->row_count, 110);
  EXPECT_EQ(group->rows[0][4], "1003789");
  EXPECT_EQ(group->rows[109][4], "5982245");
  EXPECT_EQ(group->rows[1][5], "1");
}

TEST(Hdf5Reader, ATensorIsReadAsTheTableOfItsFirstTwoAxes) {
  std::string h5 = testing::MakeHdf5Tensor("cohort/visits", 120, 3);
  ASSERT_FALSE(h5.empty());
  auto r = ExpandBytes(h5, "tensor.h5");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const TableView* t = Member(r, "cohort");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->header, (std::vector<std::string>{"visits[0]", "visits[1]", "visits[2]", "visits[3]"}));
  EXPECT_EQ(t->row_count, 120);
  ASSERT_GE(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"1000003", "0", "1940", "40"}));
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"1007922", "1", "1953", "47"}));
}

TEST(Hdf5Reader, FilterPluginsAreDisabled) {
  std::vector<Hdf5Table> tables;
  ASSERT_TRUE(ReadHdf5TablesInProcess(BinaryFixture("cohort_h5py.hdf5"), "hdf5", &tables).ok());
  unsigned state = 1;
  ASSERT_GE(H5PLget_loading_state(&state), 0);
  EXPECT_EQ(state, 0u);
}

TEST(Hdf5Reader, DamagedFilesAreErrors) {
  std::string h5 = BinaryFixture("cohort_h5py.hdf5");
  ASSERT_GT(h5.size(), 4096u);
  std::vector<Hdf5Table> tables;
  Status cut = ReadHdf5Tables(h5.substr(0, 1500), "hdf5", &tables);
  EXPECT_FALSE(cut.ok());
  EXPECT_NE(cut.message().find("HDF5"), std::string::npos) << cut.message();
  std::string signature_only = h5.substr(0, 8) + std::string(600, '\xff');
  tables.clear();
  Status junk = ReadHdf5Tables(signature_only, "hdf5", &tables);
  EXPECT_EQ(junk.code(), StatusCode::kCorrupt);
  EXPECT_TRUE(tables.empty());
}

}  // namespace
}  // namespace cg
