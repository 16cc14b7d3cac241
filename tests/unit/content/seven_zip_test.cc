// 7-Zip archives through the archive reader: p7zip's own output (scripts/generate-binary-fixtures)
// and libarchive-written ones, read from memory because 7z keeps its header at the end.
#include <gtest/gtest.h>

#include "content/archive_reader.h"
#include "support/test_support.h"
#include "unit/content/binary_fixtures.h"
#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using testing::BinaryFixture;
using testing::ExpandBytes;

std::string SevenZip(const std::vector<testing::Member>& members) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_7zip(a);
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* client, const void* buf, size_t n) -> la_ssize_t {
        static_cast<std::string*>(client)->append(static_cast<const char*>(buf), n);
        return static_cast<la_ssize_t>(n);
      },
      nullptr);
  for (const auto& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.path.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, m.data.data(), m.data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

TEST(SevenZip, MembersOfAP7zipArchiveAreRead) {
  auto x = ExpandBytes(BinaryFixture("analysis_backup.7z"), "analysis_backup.7z");
  ASSERT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].member, "pheno/ukb_extract.csv");
  EXPECT_EQ(x.leaves[0].text.substr(0, 27), "eid,31-0.0,34-0.0,21001-0.0");
}

TEST(SevenZip, NestedArchivesAndTablesInside) {
  std::string inner = SevenZip({{"a.csv", testing::UkbExtract(50)}, {"b/c.txt", "hello"}});
  ASSERT_EQ(inner.substr(0, 2), "7z");
  auto x = ExpandBytes(testing::Archive({{"backup.7z", inner}}), "outer.zip");
  ASSERT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 2u);
  EXPECT_EQ(x.leaves[0].member, "backup.7z!a.csv");
  EXPECT_EQ(x.leaves[1].member, "backup.7z!b/c.txt");
  EXPECT_EQ(x.leaves[1].bytes, 5u);
}

TEST(SevenZip, TruncatedArchiveIsAnError) {
  std::string seven = BinaryFixture("analysis_backup.7z");
  auto x = ExpandBytes(seven.substr(0, seven.size() / 2), "cut.7z");
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("truncated or corrupt"), std::string::npos) << x.errors[0];
}

TEST(SevenZip, LargerThanTheLimitIsALimitNotASilentSkip) {
  std::string seven = SevenZip({{"a.csv", testing::UkbExtract(400)}});
  ContentLimits limits;
  limits.max_held_bytes = seven.size() - 1;
  auto x = ExpandBytes(seven, "big.7z", limits);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("larger than"), std::string::npos) << x.errors[0];
}

}  // namespace
}  // namespace cg
