#include "detect/record_counter.h"

#include <gtest/gtest.h>

#include <string>

#include "detect/table_sniffer.h"

namespace cg {
namespace {

// Feeds `text` cut at every position into two chunks, and in 1-byte chunks: the counts must
// not depend on where the chunks end.
void ExpectCounts(const std::string& text, char delimiter, int64_t records, bool unterminated) {
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    RecordCounter c(delimiter);
    std::string_view a(text.data(), cut), b(text.data() + cut, text.size() - cut);
    c.Feed(a, CountNewlines(a));
    c.Feed(b, CountNewlines(b));
    EXPECT_EQ(c.records(), records) << "cut at " << cut << " of " << text;
    EXPECT_EQ(c.unterminated(), unterminated) << "cut at " << cut;
    EXPECT_EQ(c.lines(), static_cast<int64_t>(CountNewlines(text)) + (text.empty() || text.back() == '\n' ? 0 : 1));
  }
  RecordCounter bytes(delimiter);
  for (char ch : text) bytes.Feed(std::string_view(&ch, 1), ch == '\n');
  EXPECT_EQ(bytes.records(), records);
}

TEST(RecordCounter, NewlinesInsideQuotesDoNotEndRecords) {
  ExpectCounts("1,2\n3,4\n", ',', 2, false);
  ExpectCounts("1,\"a\nb\nc\",x\n2,y\n", ',', 2, false);
  ExpectCounts("1,\"say \"\"hi\"\"\nthere\"\n2,\"\"\"\"\n3,x", ',', 3, false);
  ExpectCounts("1\t\"a\nb\"\n", '\t', 1, false);
}

TEST(RecordCounter, AQuoteInsideAFieldIsText) {
  // A quote opens only at the start of a field: 5" and it's are not quoted fields.
  ExpectCounts("1,a 5\" screen\n2,it\"s\n", ',', 2, false);
  ExpectCounts("1 \"two words\nstill\" 3\n", ' ', 1, false);
}

TEST(RecordCounter, AQuoteNeverClosedIsUnterminated) {
  ExpectCounts("1,ok\n2,\"open\n3,ok\n4,ok\n", ',', 1, true);
}

}  // namespace
}  // namespace cg
