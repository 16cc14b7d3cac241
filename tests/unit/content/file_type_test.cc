#include "content/file_type.h"

#include <gtest/gtest.h>

#include <string>

#include "unit/content/binary_fixtures.h"

namespace cg {
namespace {

// Text vs binary is decided from the first 8000 bytes, as git's buffer_is_binary() does, but a
// NUL byte is no longer enough to call text binary: up to 1% of the head may be NULs.
struct TextCase {
  const char* name;
  size_t nul_at;     // where the first NUL byte sits in a 64 KiB head of text; npos for none
  size_t nul_count;  // how many consecutive NULs from there
  const char* file;
  FileType expected;
};

class SniffFileTypeText : public ::testing::TestWithParam<TextCase> {};

TEST_P(SniffFileTypeText, DecidesFromTheFirst8000Bytes) {
  const auto& c = GetParam();
  std::string head;
  while (head.size() < 64 * 1024) head += "x = compute(a, b)\n";
  if (c.nul_at != std::string::npos)
    for (size_t i = 0; i < c.nul_count; ++i) head[c.nul_at + i] = '\0';
  EXPECT_EQ(SniffFileType(head, c.file), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    All, SniffFileTypeText,
    ::testing::Values(TextCase{"no_nul", std::string::npos, 0, "notes.txt", FileType::kText},
                      TextCase{"one_nul_at_start", 0, 1, "notes.txt", FileType::kText},
                      TextCase{"one_nul_at_7999", 7999, 1, "run.py", FileType::kText},
                      TextCase{"one_percent_nul", 100, 80, "run.py", FileType::kText},
                      TextCase{"two_percent_nul", 100, 160, "run.py", FileType::kUnknownBinary},
                      TextCase{"two_percent_nul_named_csv", 100, 160, "data.csv", FileType::kText},
                      TextCase{"nul_at_8000_is_past_the_sniff", 8000, 200, "run.py", FileType::kText},
                      TextCase{"all_nul_named_csv", 0, 8000, "data.csv", FileType::kUnknownBinary}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SniffFileType, WideTextIsSniffedBeforeTheNulCheck) {
  std::string utf16;
  for (char c : std::string("eid,sex\n1000017,1\n1000024,2\n")) utf16 += std::string{c, '\0'};
  EXPECT_EQ(SniffFileType(utf16, "export.txt"), FileType::kWideText);
  EXPECT_EQ(SniffFileType("\xFF\xFE" + utf16, "export"), FileType::kWideText);
}

TEST(NamedAsText, TableAndDocumentExtensions) {
  for (const char* n : {"a.csv", "dir/b.TSV", "c.txt", "d.json", "e.ipynb", "f.html", "g.vcf"}) EXPECT_TRUE(NamedAsText(n)) << n;
  for (const char* n : {"a.bin", "b.png", "c", "d.bed", "e.csv.gz"}) EXPECT_FALSE(NamedAsText(n)) << n;
}

// A blob read from history has no name while it is read: its content says what it is.
TEST(SniffFileType, TextThatSaysWhatItIsIsReadAsThatWhereTheNameDoesNotSay) {
  const std::string nb = "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"outputs\": []\n  }\n ]\n}\n";
  for (const char* name : {"", "notes.txt"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(SniffFileType("<!DOCTYPE html>\n<html><body><table></table></body></html>", name), FileType::kHtml);
    EXPECT_EQ(SniffFileType("\xEF\xBB\xBF  <HTML lang=\"en\">", name), FileType::kHtml);
    EXPECT_EQ(SniffFileType(nb, name), FileType::kNotebook);
    EXPECT_EQ(SniffFileType("{\"resourceType\": \"Bundle\", \"entry\": []}", name), FileType::kFhir);
    EXPECT_EQ(SniffFileType("[{\"eid\": 1000017, \"sex\": 1}]", name), FileType::kJson);
    EXPECT_EQ(SniffFileType("{\"eid\": 1000017}\n{\"eid\": 1000024}\n", name), FileType::kJson);
    // Text that only opens like JSON, or mentions HTML later, stays text.
    for (const char* text : {"[1] 0.52 0.31\n", "[core]\nname = x\n", "{ x <- 1 }\n", "eid,sex\n1,<html>\n",
                             "# notes on <!DOCTYPE html>\n"})
      EXPECT_EQ(SniffFileType(text, name), FileType::kText) << text;
  }
  // A name that says what it is still decides.
  EXPECT_EQ(SniffFileType("<!DOCTYPE html>", "page.ipynb"), FileType::kNotebook);
  EXPECT_EQ(SniffFileType("[{\"a\": 1}]", "page.html"), FileType::kHtml);
}

TEST(SniffFileType, OldFormatStataIsKnownWithoutItsNameByItsWholeHeader) {
  // ds_format 114, byte order LSF, filetype 1, unused 0, then nvar and nobs.
  const std::string v114("\x72\x02\x01\x00\x2b\x00\x45\x02\x00\x00", 10);
  EXPECT_EQ(SniffFileType(v114, "abm.dta"), FileType::kStataDta);
  EXPECT_EQ(SniffFileType(v114, ""), FileType::kStataDta);
  // The version and byte order alone are two bytes: without the name they are not enough.
  const std::string other("\x72\x02\x07\x41\x2b\x00\x45\x02\x00\x00", 10);
  EXPECT_EQ(SniffFileType(other, "abm.dta"), FileType::kStataDta);
  EXPECT_NE(SniffFileType(other, ""), FileType::kStataDta);
}

// saveRDS(ascii = TRUE) and a native-binary serialization: known without the .rds name by the
// format version and R's version after the letter; a letter and a newline alone are not enough.
TEST(SniffFileType, AsciiAndNativeRdsAreKnownWithoutTheirName) {
  const std::string ascii = "A\n3\n263169\n197888\n5\nUTF-8\n787\n";
  EXPECT_EQ(SniffFileType(ascii, ""), FileType::kRds);
  EXPECT_EQ(SniffFileType(std::string("B\n\x03\0\0\0\x01\x04\x04\0", 10), ""), FileType::kRds);
  for (const char* text : {"A\n3\nnotes\n", "A\nlist of things\n", "A\n2\n12\n"})
    EXPECT_EQ(SniffFileType(text, ""), FileType::kText) << text;
  EXPECT_EQ(SniffFileType("A\nlist of things\n", "odd.rds"), FileType::kRds);
}

// BGEN written with the magic left zero (older writers; the spec allows it) is known by the rest
// of its header block; a binary with four zero bytes at offset 16 is not.
TEST(SniffFileType, ZeroMagicBgenIsKnownByItsHeaderBlock) {
  std::string bgen = testing::BinaryFixture("cohort_layout1.bgen");
  ASSERT_GE(bgen.size(), 24u);
  bgen.replace(16, 4, std::string(4, '\0'));
  EXPECT_EQ(SniffFileType(bgen, ""), FileType::kBgen);
  std::string other = bgen;
  other[20] = '\x40';  // flags with an undefined bit
  EXPECT_NE(SniffFileType(other, ""), FileType::kBgen);
  other = bgen;
  other.replace(12, 4, std::string(4, '\0'));  // no samples
  EXPECT_NE(SniffFileType(other, ""), FileType::kBgen);
  EXPECT_NE(SniffFileType(std::string(64, '\0'), ""), FileType::kBgen);
}

}  // namespace
}  // namespace cg
