#include "content/isolated_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>

namespace cg {
namespace {

TEST(ReadIsolated, TablesAndStatusComeBackFromTheChild) {
  std::vector<NamedTable> out;
  Status s = ReadIsolated("testlib", 10, 10, [](std::vector<NamedTable>* t) {
    NamedTable a{"sheet 1", {}};
    a.table.format = "xls";
    a.table.header = {"eid", "sex"};
    a.table.rows = {{"1000001", "0"}, {"1000002", ""}};
    a.table.row_count = 2;
    t->push_back(a);
    return Status::LimitExceeded("only part was read");
  }, &out);
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(s.message(), "only part was read");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].member, "sheet 1");
  EXPECT_EQ(out[0].table.format, "xls");
  EXPECT_EQ(out[0].table.header, (std::vector<std::string>{"eid", "sex"}));
  EXPECT_EQ(out[0].table.rows[1], (std::vector<std::string>{"1000002", ""}));
  EXPECT_EQ(out[0].table.row_count, 2);
}

TEST(ReadIsolated, ACrashInTheLibraryIsAnErrorForTheFileNotForTheScan) {
  std::vector<NamedTable> out;
  Status s = ReadIsolated("testlib", 10, 10, [](std::vector<NamedTable>*) -> Status {
    std::raise(SIGSEGV);
    return Status::Ok();
  }, &out);
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_NE(s.message().find("testlib crashed on this file"), std::string::npos) << s.message();
  EXPECT_TRUE(out.empty());
}

TEST(ReadIsolated, AHangIsStoppedAtTheTimeLimit) {
  std::vector<NamedTable> out;
  Status s = ReadIsolated("testlib", 10, 1, [](std::vector<NamedTable>*) -> Status {
    for (;;) pause();
  }, &out);
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_NE(s.message().find("did not finish within 1 s"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace cg
