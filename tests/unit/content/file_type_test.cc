#include "content/file_type.h"

#include <gtest/gtest.h>

#include <string>

namespace cg {
namespace {

// Text vs binary is decided from the first 8000 bytes, as git's buffer_is_binary() does.
struct TextCase {
  const char* name;
  size_t nul_at;  // where a NUL byte sits in a 64 KiB head of text; npos for none
  FileType expected;
};

class SniffFileTypeText : public ::testing::TestWithParam<TextCase> {};

TEST_P(SniffFileTypeText, DecidesFromTheFirst8000Bytes) {
  const auto& c = GetParam();
  std::string head;
  while (head.size() < 64 * 1024) head += "x = compute(a, b)\n";
  if (c.nul_at != std::string::npos) head[c.nul_at] = '\0';
  EXPECT_EQ(SniffFileType(head, "notes.txt"), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    All, SniffFileTypeText,
    ::testing::Values(TextCase{"no_nul", std::string::npos, FileType::kText},
                      TextCase{"nul_at_start", 0, FileType::kUnknownBinary},
                      TextCase{"nul_at_7999", 7999, FileType::kUnknownBinary},
                      TextCase{"nul_at_8000_is_past_the_sniff", 8000, FileType::kText},
                      TextCase{"nul_at_60000_is_past_the_sniff", 60000, FileType::kText}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace cg
