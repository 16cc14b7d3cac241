#include "content/decompress_reader.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;

const std::string kCsv = "eid,sex,year_of_birth\n1000001,1,1950\n1000002,0,1961\n1000003,1,1947\n";

std::string Repeat(const std::string& s, size_t times) {
  std::string out;
  out.reserve(s.size() * times);
  for (size_t i = 0; i < times; ++i) out += s;
  return out;
}

struct CodecCase {
  const char* label;
  std::string (*compress)(const std::string&);
  const char* name;
  const char* inner_name;
};

std::string GzipDefault(const std::string& s) { return testing::Gzip(s); }

const CodecCase kCodecs[] = {
    {"gzip", GzipDefault, "pheno.csv.gz", "pheno.csv"},
    {"bgzf", testing::Bgzf, "pheno.csv.bgz", "pheno.csv"},
    {"zstd", testing::Zstd, "pheno.csv.zst", "pheno.csv"},
    {"xz", testing::Xz, "pheno.csv.xz", "pheno.csv"},
    {"bzip2", testing::Bzip2, "pheno.csv.bz2", "pheno.csv"},
};

TEST(DecompressReader, EachCodecYieldsOneChildWithTheInnerNameAndExactBytes) {
  // Large enough that BGZF writes several members and every codec streams in several reads.
  const std::string data = kCsv + Repeat("1000004,0,1970\n", 20000);
  for (const CodecCase& c : kCodecs) {
    SCOPED_TRACE(c.label);
    auto x = ExpandBytes(c.compress(data), c.name);
    EXPECT_TRUE(x.errors.empty()) << x.errors[0];
    ASSERT_EQ(x.leaves.size(), 1u);
    EXPECT_EQ(x.leaves[0].name, c.inner_name);
    EXPECT_EQ(x.leaves[0].member, "");  // the outer path already names the file
    EXPECT_EQ(x.leaves[0].bytes, data.size());
    EXPECT_EQ(x.leaves[0].text.substr(0, 22), "eid,sex,year_of_birth\n");
  }
}

TEST(DecompressReader, TruncatedStreamIsReportedAsCorruptNamingTheCodec) {
  const std::string data = Repeat(kCsv, 2000);
  for (const CodecCase& c : kCodecs) {
    SCOPED_TRACE(c.label);
    std::string z = c.compress(data);
    auto x = ExpandBytes(z.substr(0, z.size() / 2), c.name);
    ASSERT_EQ(x.errors.size(), 1u);
    const std::string codec = std::string(c.label) == "bgzf" ? "gzip" : c.label;
    EXPECT_NE(x.errors[0].find("truncated " + codec + " stream"), std::string::npos) << x.errors[0];
  }
}

TEST(DecompressReader, CorruptBytesAreAnErrorNotACrash) {
  for (const CodecCase& c : kCodecs) {
    SCOPED_TRACE(c.label);
    std::string z = c.compress(Repeat(kCsv, 500));
    for (size_t i = 20; i < z.size() - 8; i += 7) z[i] = static_cast<char>(z[i] ^ 0x5a);
    auto x = ExpandBytes(z, c.name);
    EXPECT_EQ(x.errors.size(), 1u);
  }
}

TEST(DecompressReader, ConcatenatedGzipMembersAreOneStream) {
  auto x = ExpandBytes(testing::Gzip("a,b\n1,2\n") + testing::Gzip("3,4\n"), "t.csv.gz");
  ASSERT_TRUE(x.errors.empty());
  EXPECT_EQ(x.leaves[0].text, "a,b\n1,2\n3,4\n");
}

TEST(DecompressReader, TrailingZeroPaddingAfterGzipIsIgnored) {
  auto x = ExpandBytes(testing::Gzip("a,b\n1,2\n") + std::string(512, '\0'), "t.csv.gz");
  EXPECT_TRUE(x.errors.empty());
  EXPECT_EQ(x.leaves[0].text, "a,b\n1,2\n");
}

TEST(DecompressReader, HighRatioIsReportedAsSuspectedBomb) {
  // 100 MiB of one letter deflate about 1000:1; the default limit is 200:1 past 64 MiB.
  auto x = ExpandBytes(testing::Gzip(std::string(100u << 20, 'a'), 9), "letters.txt.gz");
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("suspected decompression bomb"), std::string::npos) << x.errors[0];
  EXPECT_LT(x.leaves[0].bytes, 100u << 20);
}

TEST(DecompressReader, TotalBytesLimitHoldsPerItem) {
  ContentLimits limits;
  limits.max_total_bytes = 1 << 20;
  auto x = ExpandBytes(testing::Gzip(Repeat(kCsv, 40000)), "big.csv.gz", limits);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("limit per item"), std::string::npos) << x.errors[0];
}

TEST(DecompressReader, StripsCompressionSuffixes) {
  const std::pair<const char*, const char*> cases[] = {
      {"x.csv.gz", "x.csv"}, {"x.tgz", "x.tar"},   {"X.CSV.GZ", "X.CSV"}, {"a/b.tsv.zst", "a/b.tsv"},
      {"x.vcf.bgz", "x.vcf"}, {"x.txz", "x.tar"},  {"x.bz2", "x"},        {"noext", "noext"}, {".gz", ".gz"}};
  for (auto [in, want] : cases) EXPECT_EQ(StripCompressionSuffix(in), want) << in;
}

// A gzip stream generated on the fly: `total` bytes of 'a' with no newline, never held whole.
class GeneratedGzip : public ByteStream {
 public:
  explicit GeneratedGzip(uint64_t total) : left_(total) {
    deflateInit2(&z_, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  }
  ~GeneratedGzip() override { deflateEnd(&z_); }
  Expected<size_t> Read(char* buf, size_t n) override {
    static const std::string chunk(1 << 20, 'a');
    if (finished_) return size_t{0};
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n && !finished_) {
      if (z_.avail_in == 0 && left_ > 0) {
        size_t k = std::min<uint64_t>(left_, chunk.size());
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        z_.avail_in = static_cast<uInt>(k);
        left_ -= k;
      }
      if (deflate(&z_, left_ == 0 ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_END) finished_ = true;
    }
    return n - z_.avail_out;
  }

 private:
  z_stream z_{};
  uint64_t left_;
  bool finished_ = false;
};

// Reads `doc` to its end in 64 KiB steps, adding the byte count to `*read`.
Status ReadToEnd(Document& doc, uint64_t* read) {
  std::vector<char> buf(1 << 16);
  for (;;) {
    auto r = doc.Read(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    if (*r == 0) return Status::Ok();
    *read += *r;
  }
}

long PeakRssKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST(DecompressReader, TwoGigabyteSingleLineStreamsInBoundedMemory) {
  const uint64_t kTotal = 2ull << 30;
  ContentLimits limits;
  limits.max_ratio = 1e9;  // a line of one repeated byte is bomb-like; measure the streaming itself
  ContentBudget budget;
  Document doc(Origin{"line.txt.gz", "", "", "", ""}, "line.txt.gz", std::make_unique<GeneratedGzip>(kTotal));
  DecompressReader reader(FileType::kGzip, Codec::kGzip, "gzip", "");
  long before = PeakRssKiB();
  uint64_t read = 0;
  Status s = reader.Expand(doc, limits, budget, [&](Document& child) { return ReadToEnd(child, &read); });
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(read, kTotal);
  EXPECT_EQ(budget.decompressed_bytes, kTotal);
  EXPECT_LT(PeakRssKiB() - before, 64 * 1024) << "peak RSS grew by more than 64 MiB";
}

TEST(DecompressReader, TwoGigabyteSingleLineWithDefaultLimitsStopsEarlyAsBomb) {
  ContentLimits limits;
  ContentBudget budget;
  Document doc(Origin{"line.txt.gz", "", "", "", ""}, "line.txt.gz", std::make_unique<GeneratedGzip>(2ull << 30));
  DecompressReader reader(FileType::kGzip, Codec::kGzip, "gzip", "");
  uint64_t read = 0;
  Status s = reader.Expand(doc, limits, budget, [&](Document& child) { return ReadToEnd(child, &read); });
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_LT(budget.decompressed_bytes, 128ull << 20);
}

}  // namespace
}  // namespace cg
