#include "content/unicode_text.h"

#include <gtest/gtest.h>

#include <iconv.h>

#include <memory>
#include <string>

#include "content/nul_stripping_stream.h"
#include "core/byte_stream.h"

namespace cg {
namespace {

// Re-encodes UTF-8 with glibc iconv, as the tools that write such files do.
std::string Encode(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  std::string in = utf8, out(utf8.size() * 4 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  EXPECT_NE(iconv(cd, &ip, &il, &op, &ol), static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

// Hands out at most `step` bytes a read, so that code units split across reads.
class TrickleStream : public ByteStream {
 public:
  TrickleStream(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  Expected<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, step_, data_.size() - pos_});
    data_.copy(buf, k, pos_);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

std::string Transcode(const std::string& bytes, size_t step, uint64_t* invalid = nullptr) {
  TrickleStream source(bytes, step);
  auto enc = SniffWideEncoding(bytes);
  EXPECT_TRUE(enc.has_value());
  if (!enc) return "";
  TranscodeStream t(source, *enc);
  auto all = ReadAll(t, 1 << 24);
  EXPECT_TRUE(all.ok());
  if (invalid) *invalid = t.invalid_units();
  return all.ok() ? *all : "";
}

const std::string kCsv = "eid,nom,ville\n1000017,Ren\xC3\xA9,K\xC3\xB6ln\n1000024,\xE5\xBC\xA0\xE4\xBC\x9F,\xF0\x9F\x8F\xA5\n";

TEST(SniffWideEncoding, ByteOrderMarks) {
  EXPECT_STREQ(SniffWideEncoding("\xFF\xFE" "e\0i\0" + std::string(1, '\0'))->iconv_name, "UTF-16LE");
  EXPECT_STREQ(SniffWideEncoding("\xFE\xFF\0e")->iconv_name, "UTF-16BE");
  EXPECT_STREQ(SniffWideEncoding(std::string("\xFF\xFE\0\0e\0\0\0", 8))->iconv_name, "UTF-32LE");
  EXPECT_STREQ(SniffWideEncoding(std::string("\0\0\xFE\xFF\0\0\0e", 8))->iconv_name, "UTF-32BE");
  EXPECT_EQ(SniffWideEncoding("\xFF\xFE")->bom, 2u);
}

TEST(SniffWideEncoding, ZeroBytePatternWithoutByteOrderMark) {
  for (const char* enc : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
    auto e = SniffWideEncoding(Encode(kCsv, enc));
    ASSERT_TRUE(e.has_value()) << enc;
    EXPECT_STREQ(e->iconv_name, enc);
    EXPECT_EQ(e->bom, 0u);
  }
}

TEST(SniffWideEncoding, Utf8LatinAndBinaryAreNot) {
  EXPECT_FALSE(SniffWideEncoding(kCsv));
  EXPECT_FALSE(SniffWideEncoding("caf\xE9 cr\xE8me\n"));
  // Small little-endian integers (a genotype dosage array): zero high bytes, unprintable low ones.
  std::string ints;
  for (int i = 0; i < 512; ++i) ints += std::string{static_cast<char>(i % 3), '\0'};
  EXPECT_FALSE(SniffWideEncoding(ints));
  // Text with a few NULs is UTF-8 text with NULs, not UTF-16.
  EXPECT_FALSE(SniffWideEncoding("eid,sex\n1000017,\0" "1\n1000024,2\n1000031,1\n"));
}

TEST(TranscodeStream, RoundTripsEveryEncodingWhateverTheReadSize) {
  for (const char* enc : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-16", "UTF-32"}) {
    const std::string bytes = Encode(kCsv, enc);  // "UTF-16"/"UTF-32": glibc writes a BOM
    for (size_t step : {size_t{1}, size_t{3}, size_t{1} << 20}) EXPECT_EQ(Transcode(bytes, step), kCsv) << enc << " " << step;
  }
}

TEST(TranscodeStream, LargeTextStreamsThrough) {
  std::string big;
  while (big.size() < 300000) big += kCsv;
  EXPECT_EQ(Transcode("\xFF\xFE" + Encode(big, "UTF-16LE"), 4096), big);
}

TEST(TranscodeStream, InvalidUnitsBecomeReplacementCharactersAndAreCounted) {
  uint64_t invalid = 0;
  std::string bytes = "\xFF\xFE" + Encode("ab", "UTF-16LE") + std::string("\x00\xD8", 2) + Encode("cd", "UTF-16LE");
  EXPECT_EQ(Transcode(bytes, 1 << 20, &invalid), "ab\xEF\xBF\xBD" "cd");  // a lone high surrogate
  EXPECT_EQ(invalid, 1u);
  // A last unit cut in half.
  EXPECT_EQ(Transcode("\xFF\xFE" + Encode("ab", "UTF-16LE") + "x", 1, &invalid), "ab\xEF\xBF\xBD");
  EXPECT_EQ(invalid, 1u);
}

TEST(NulStrippingStream, DropsNulBytesOnlyAndNeverEndsEarly) {
  ViewStream source(std::string_view("\0\0\0eid\0,sex\n\0", 14));
  NulStrippingStream s(source);
  auto all = ReadAll(s, 1024);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, "eid,sex\n");
  EXPECT_EQ(s.stripped(), 6u);
  TrickleStream nuls(std::string(10, '\0') + "x", 2);  // reads of NULs only before the text
  NulStrippingStream t(nuls);
  EXPECT_EQ(*ReadAll(t, 64), "x");
}

}  // namespace
}  // namespace cg
