#include "content/xls_reader.h"

#include <gtest/gtest.h>

#include "unit/content/binary_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::BinaryFixture;
using testing::ExpandBytes;

TEST(XlsReader, ReadsEverySheetOfALibreOfficeWorkbook) {
  auto r = ExpandBytes(BinaryFixture("ukb_legacy.xls"), "ukb_legacy.xls");
  EXPECT_EQ(r.type, FileType::kXls);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "xls");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 2u);
  EXPECT_EQ(r.members[0], "participants");
  EXPECT_EQ(r.members[1], "codebook");
  const TableView& t = r.tables[0];
  EXPECT_EQ(t.format, "xls");
  // The title row is the first non-empty row (the detector finds the header below it, as for
  // xlsx); the blank row between them is not counted.
  EXPECT_EQ(t.header, (std::vector<std::string>{"Pilot extract, application 12345"}));
  EXPECT_EQ(t.row_count, 141);
  ASSERT_GE(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"eid", "31-0.0", "34-0.0", "21001-0.0"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"1060493", "0", "1942", "20"}));
  EXPECT_EQ(r.tables[1].header, (std::vector<std::string>{"field", "meaning"}));
  EXPECT_EQ(r.tables[1].row_count, 2);
}

TEST(XlsReader, SniffsAnOle2WorkbookByItsWorkbookStreamWithoutTheExtension) {
  // The engine sniffs 64 KiB; LibreOffice writes the directory after the streams.
  std::string xls = BinaryFixture("ukb_legacy.xls");
  ASSERT_LT(xls.size(), 64u << 10);
  EXPECT_EQ(SniffFileType(xls, "export.bin"), FileType::kXls);
  // Another OLE2 document (Word, Outlook) is not taken for a workbook.
  std::string doc = xls.substr(0, 8) + std::string(8192, '\0');
  EXPECT_NE(SniffFileType(doc, "letter.doc"), FileType::kXls);
}

TEST(XlsReader, DamagedWorkbooksAreErrors) {
  std::string xls = BinaryFixture("ukb_legacy.xls");
  ASSERT_GT(xls.size(), 4096u);
  std::vector<XlsSheet> sheets;
  Status cut = ReadXlsWorkbook(xls.substr(0, 4096), &sheets);
  EXPECT_FALSE(cut.ok());
  EXPECT_NE(cut.message().find(".xls"), std::string::npos) << cut.message();
  std::string garbled = xls;
  for (size_t i = 512; i < garbled.size(); i += 7) garbled[i] = static_cast<char>(garbled[i] ^ 0x5a);
  sheets.clear();
  EXPECT_FALSE(ReadXlsWorkbook(garbled, &sheets).ok());
}

}  // namespace
}  // namespace cg
