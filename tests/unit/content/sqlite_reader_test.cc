#include "content/sqlite_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::BinaryFixture;
using testing::ExpandBytes;
using testing::MakeSqlite;
using testing::UkbRowsSql;

TEST(SqliteReader, ReadsEveryTableOfAPandasToSqlDatabase) {
  auto r = ExpandBytes(BinaryFixture("ukb_extract.sqlite"), "ukb_extract.sqlite");
  EXPECT_EQ(r.type, FileType::kSqlite);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "sqlite");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 2u);
  EXPECT_EQ(r.members[0], "participants");
  EXPECT_EQ(r.members[1], "by_sex");
  const TableView& t = r.tables[0];
  EXPECT_EQ(t.format, "sqlite");
  EXPECT_EQ(t.header, (std::vector<std::string>{"eid", "31-0.0", "34-0.0", "21022-0.0"}));
  EXPECT_EQ(t.row_count, 150);
  EXPECT_FALSE(t.row_count_estimated);
  ASSERT_EQ(t.rows.size(), 150u);
  EXPECT_EQ(t.rows[0][0], "1013293");
  EXPECT_EQ(t.rows[149][0], "5975985");
  EXPECT_EQ(r.tables[1].row_count, 2);
}

TEST(SqliteReader, ReadsTheMainFileOfAWalModeDatabase) {
  std::string db = BinaryFixture("cohort_wal.db");
  ASSERT_GT(db.size(), 20u);
  ASSERT_EQ(db[18], 2) << "the fixture should be a WAL-mode database";
  auto r = ExpandBytes(db, "cohort_wal.db");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].header[1], "nhs_number");
  EXPECT_EQ(r.tables[0].row_count, 120);
  EXPECT_EQ(r.tables[0].rows[0][1], "9434760001");
}

TEST(SqliteReader, SamplesTwoHundredRowsAndCountsAll) {
  std::vector<SqliteTable> tables;
  ASSERT_TRUE(ReadSqliteDatabase(MakeSqlite(UkbRowsSql("t", 5000)), 100, &tables).ok());
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.row_count, 5000);
  EXPECT_EQ(tables[0].table.rows.size(), 200u);
}

TEST(SqliteReader, OddTableNamesAreQuotedAndViewsAndVirtualTablesAreNotRun) {
  std::string sql = UkbRowsSql("odd 'name'", 10) +
                    "CREATE VIEW v AS SELECT eid FROM \"odd 'name'\";"
                    "CREATE VIRTUAL TABLE notes USING fts5(body);"
                    "INSERT INTO notes VALUES ('participant 1000001 withdrew');";
  std::string db = MakeSqlite(sql);
  ASSERT_FALSE(db.empty());
  std::vector<SqliteTable> tables;
  Status s = ReadSqliteDatabase(db, 100, &tables);
  ASSERT_TRUE(s.ok()) << s.message();
  std::vector<std::string> names;
  for (const auto& t : tables) names.push_back(t.name);
  // The FTS index's text is in its shadow tables, which are ordinary tables and are read.
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[0], "odd 'name'");
  EXPECT_EQ(tables[0].table.row_count, 10);
  for (const auto& n : names) {
    EXPECT_NE(n, "v");
    EXPECT_NE(n, "notes");
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "notes_content"), names.end());
}

TEST(SqliteReader, TruncatedDatabaseIsCorruptAndTablesBeforeTheDamageAreKept) {
  std::string db = MakeSqlite(UkbRowsSql("a", 20) + UkbRowsSql("b", 3000));
  ASSERT_GT(db.size(), 8192u);
  auto r = ExpandBytes(db.substr(0, db.size() / 2), "broken.db");
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("SQLite"), std::string::npos) << r.status.message();
  for (size_t keep : {size_t{100}, size_t{1000}, size_t{4096}}) {
    std::vector<SqliteTable> tables;
    Status s = ReadSqliteDatabase(std::string_view(db).substr(0, keep), 100, &tables);
    EXPECT_FALSE(s.ok()) << "kept " << keep;
  }
}

TEST(SqliteReader, TooManyTablesIsALimitNotASilentCut) {
  std::string sql;
  for (int i = 0; i < 5; ++i) sql += UkbRowsSql("t" + std::to_string(i), 2);
  std::vector<SqliteTable> tables;
  Status s = ReadSqliteDatabase(MakeSqlite(sql), 3, &tables);
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(tables.size(), 3u);
}

TEST(SqliteReader, RefusesDatabasesLargerThanTheContentLimit) {
  std::string db = MakeSqlite(UkbRowsSql("t", 100));
  ContentLimits limits;
  limits.max_held_bytes = db.size() - 1;
  auto r = ExpandBytes(db, "big.db", limits);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_TRUE(r.tables.empty());
}

}  // namespace
}  // namespace cg
