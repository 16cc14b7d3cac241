#include "detect/table_sniffer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace cg {
namespace {

std::optional<SniffedTable> Sniff(const std::string& text, bool complete = true) {
  return SniffTable(text, complete, SniffOptions{});
}

struct DelimiterCase {
  const char* name;
  std::string text;
  char delimiter;
  size_t columns;
  int64_t rows;
};

class TableSnifferDelimiters : public ::testing::TestWithParam<DelimiterCase> {};

TEST_P(TableSnifferDelimiters, FindsDelimiterHeaderAndRows) {
  const auto& c = GetParam();
  auto t = Sniff(c.text);
  ASSERT_TRUE(t.has_value()) << c.name;
  EXPECT_EQ(t->table.delimiter, c.delimiter) << c.name;
  EXPECT_TRUE(t->table.has_header) << c.name;
  EXPECT_EQ(t->table.header.size(), c.columns) << c.name;
  EXPECT_EQ(t->table.row_count, c.rows) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    All, TableSnifferDelimiters,
    ::testing::Values(
        DelimiterCase{"comma", "eid,31-0.0,34-0.0\n1000001,0,1950\n1000002,1,1961\n", ',', 3, 2},
        DelimiterCase{"tab", "eid\t31-0.0\t34-0.0\n1000001\t0\t1950\n1000002\t1\t1961\n", '\t', 3, 2},
        DelimiterCase{"semicolon_decimal_comma", "id;weight;height\n1;72,5;1,80\n2;60,1;1,65\n3;80,0;1,90\n", ';', 3, 3},
        DelimiterCase{"pipe", "eid|sex|age\n1000001|0|54\n1000002|1|61\n", '|', 3, 2},
        DelimiterCase{"space", "FID IID sex\n1000001 1000001 1\n1000002 1000002 2\n", ' ', 3, 2},
        DelimiterCase{"crlf", "eid,sex\r\n1000001,0\r\n1000002,1\r\n", ',', 2, 2},
        DelimiterCase{"bom", "\xEF\xBB\xBF" "eid,sex\n1000001,0\n1000002,1\n", ',', 2, 2},
        DelimiterCase{"no_final_newline", "eid,sex\n1000001,0\n1000002,1", ',', 2, 2},
        DelimiterCase{"blank_lines", "eid,sex\n\n1000001,0\n\n1000002,1\n\n", ',', 2, 2}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TableSniffer, QuotedFieldsWithDelimitersAndNewlines) {
  auto t = Sniff("eid,note,age\n1000001,\"a, b\",54\n1000002,\"line1\nline2\",61\n1000003,\"say \"\"hi\"\"\",70\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.delimiter, ',');
  EXPECT_EQ(t->table.row_count, 3);
  EXPECT_TRUE(t->quoted_newlines);
  ASSERT_EQ(t->table.rows.size(), 3u);
  EXPECT_EQ(t->table.rows[0][1], "a, b");
  EXPECT_EQ(t->table.rows[1][1], "line1\nline2");
  EXPECT_EQ(t->table.rows[2][1], "say \"hi\"");
}

TEST(TableSniffer, RaggedRowsStillATable) {
  std::string text = "eid,a,b\n";
  for (int i = 0; i < 20; ++i) text += std::to_string(1000000 + i) + ",1,2\n";
  text += "1000099,1\n";  // one short row
  auto t = Sniff(text);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.row_count, 21);
  EXPECT_FALSE(t->ragged()) << "one field count is common: read as it is, nothing to report";
}

// The cells of one unquoted record, split at every comma.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',') out.emplace_back();
    else out.back().push_back(c);
  }
  return out;
}

// No field count is common (2 to 8 fields under a 5-field header), yet every line holds the
// header's delimiter: read as the header's columns, as read.csv(fill = TRUE) and pandas read
// it. 30 rows stay within the quick pass; 300 go past it and past the first bytes' test.
TEST(TableSniffer, RaggedRowsWithNoCommonFieldCountAreReadAsTheHeadersColumns) {
  for (int n : {30, 300}) {
    const std::string text = testing::RaggedParticipantTable(n, 7);
    std::vector<std::vector<std::string>> lines;
    size_t fewest = SIZE_MAX, most = 0;
    for (size_t at = text.find('\n') + 1; at < text.size();) {
      const size_t nl = text.find('\n', at);
      lines.push_back(Cells(text.substr(at, nl - at)));
      fewest = std::min(fewest, lines.back().size());
      most = std::max(most, lines.back().size());
      at = nl + 1;
    }
    ASSERT_LT(fewest, 5u);
    ASSERT_GT(most, 5u);
    auto t = Sniff(text);
    ASSERT_TRUE(t) << n;
    EXPECT_EQ(t->table.delimiter, ',');
    EXPECT_EQ(t->table.header, (std::vector<std::string>{"eid", "sex", "year_of_birth", "bmi", "diagnosis_date"}));
    EXPECT_EQ(t->table.row_count, n);
    EXPECT_TRUE(t->ragged());
    EXPECT_EQ(t->ragged_min, fewest);
    EXPECT_EQ(t->ragged_max, most);
    ASSERT_EQ(t->table.rows.size(), static_cast<size_t>(std::min(n, SniffOptions{}.sample_rows)));
    for (size_t i = 0; i < t->table.rows.size(); ++i) {
      std::vector<std::string> want = lines[i];
      want.resize(5);  // short rows padded with empty cells, cells past the header dropped
      EXPECT_EQ(t->table.rows[i], want) << "row " << i;
    }
  }
}

// Text that is no table, with the delimiter on every line and a first line of three or more
// fields: prose, R code written without blanks, JSON lines, R dput output.
TEST(TableSniffer, UnevenDelimitersInTextThatIsNoTableStayNoTable) {
  std::string prose, code, jsonl, dput;
  for (int i = 0; i < 40; ++i) {
    prose += "We thank the participants, the staff" + std::string(i % 3, ',') + " and the funders, of study " +
             std::to_string(i) + (i % 2 ? ", and its sites" : "") + ".\n";
    code += "x" + std::to_string(i) + "<-c(" + std::to_string(i) + ",2" + std::string(i % 3 ? ",3" : "") + ",4)\n";
    jsonl += "{\"eid\": " + std::to_string(1000000 + i) + ", \"sex\": " + std::to_string(i % 2) +
             (i % 3 ? ", \"bmi\": 22.5" : "") + ", \"tags\": [1, 2" + std::string(i % 2 ? ", 3" : "") + "]}\n";
    dput += i == 0 ? "structure(list(eid = c(" : "";
    for (int k = 0; k < 2 + i % 4; ++k) dput += std::to_string(1000000 + 7 * i + k) + "L, ";
    dput += "\n";
  }
  dput += "1000999L), sex = 1L), class = \"data.frame\", row.names = c(NA, -161L))\n";
  for (const std::string* text : {&prose, &code, &jsonl, &dput}) EXPECT_FALSE(Sniff(*text)) << *text;
}

// A header one field longer than rows that all have one shape (a note appended to the header,
// R's write.table row names the other way round) is no ragged table: it reads as it always did.
TEST(TableSniffer, HeaderLongerThanUniformRowsIsNotReadAsRagged) {
  std::string text = testing::UkbExtract(100, 3, 2);
  text.insert(text.find('\n'), ",note");
  auto t = Sniff(text);
  EXPECT_FALSE(t && t->ragged());
}

TEST(TableSniffer, HeaderlessNumericTable) {
  auto t = Sniff("1000001 1000001 0 0 1 -9\n1000002 1000002 0 0 2 -9\n1000003 1000003 0 0 1 -9\n");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->table.has_header);
  EXPECT_TRUE(t->table.header.empty());
  EXPECT_EQ(t->table.row_count, 3);
  EXPECT_EQ(t->table.column_count(), 6u);
}

TEST(TableSniffer, RRowNamesHeaderOneShort) {
  auto t = Sniff("eid,sex\n1,1000001,0\n2,1000002,1\n3,1000003,1\n");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->table.header.size(), 3u);
  EXPECT_EQ(t->table.header[0], "");
  EXPECT_EQ(t->table.header[1], "eid");
}

TEST(TableSniffer, EmptyFileIsNotATable) { EXPECT_FALSE(Sniff("")); }

TEST(TableSniffer, SingleLineIsNotATable) { EXPECT_FALSE(Sniff("eid,sex\n")); }

TEST(TableSniffer, SourceCodeIsNotATable) {
  EXPECT_FALSE(Sniff("#include <stdio.h>\n\nint main(int argc, char** argv) {\n  printf(\"hello, world\\n\");\n"
                     "  return 0;\n}\n"));
  EXPECT_FALSE(Sniff("import pandas as pd\ndf = pd.read_csv('ukb.csv', usecols=['eid', '31-0.0'])\n"
                     "print(df.head())\nx = 1\n"));
}

TEST(TableSniffer, ProseIsNotATable) {
  EXPECT_FALSE(Sniff("This repository holds the analysis code for our paper.\nRun make to build it, then\n"
                     "open the notebook. Data are not included.\n"));
}

TEST(TableSniffer, BinaryBytesAreNotATable) {
  std::string bin("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24);
  EXPECT_FALSE(Sniff(bin));
}

TEST(TableSniffer, IncompleteHeadDropsPartialLastLine) {
  auto t = Sniff("eid,sex\n1000001,0\n1000002,1\n10000", /*complete=*/false);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->head_records, 2);
  EXPECT_EQ(t->head_lines, 3);
}

TEST(TableSniffer, AllTextFirstRowOfDataIsNotAHeaderUnlessKnown) {
  std::string text = "ab12,cd34\nef56,gh78\nij90,kl12\n";
  auto t = Sniff(text);
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->table.has_header);
  SniffOptions o;
  o.known_column = [](const std::string& s) { return s == "ab12"; };
  auto k = SniffTable(text, true, o);
  ASSERT_TRUE(k);
  EXPECT_TRUE(k->table.has_header);
}

// Documents longer than the sniffer's quick first pass (which rejects code and prose early)
// get the same answer as when every record of the first pass was read.
struct LongCase {
  const char* name;
  std::string text;
  bool table;
  int64_t rows;  // when a table
};

std::string Repeat(const std::string& line, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += line;
  return out;
}

std::string Rows(int n, int from = 0) {
  std::string out;
  for (int i = from; i < from + n; ++i) out += std::to_string(1000000 + i) + "," + std::to_string(i % 2) + ",19" + std::to_string(40 + i % 50) + "\n";
  return out;
}

// Lines of varying shape, as code and prose have (a repeated line would be a one-shape table).
std::string Varied(const std::vector<std::string>& lines, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += lines[static_cast<size_t>(i) % lines.size()] + "\n";
  return out;
}

const std::vector<std::string> kCode = {"int main(int argc, char** argv) {", "  return run(argc, argv);", "}",
                                        "  if (x) { y = f(a, b, c); }", "// helper", "static int n;"};
const std::vector<std::string> kProse = {"The quick brown fox jumps over the lazy dog.", "It was late;",
                                         "nobody, it seemed, had noticed the change at all, or cared.", "Then rain."};

std::string Ids(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "ID" + std::to_string(1000000 + i) + "\n";
  return out;
}

std::string WideTable(int columns, int rows) {
  std::string out = "eid";
  for (int c = 1; c < columns; ++c) out += "," + std::to_string(c) + "-0.0";
  out += "\n";
  for (int r = 0; r < rows; ++r) {
    out += std::to_string(1000000 + r);
    for (int c = 1; c < columns; ++c) out += "," + std::to_string((r * 7 + c) % 97);
    out += "\n";
  }
  return out;
}

class TableSnifferLong : public ::testing::TestWithParam<LongCase> {};

TEST_P(TableSnifferLong, SameAnswerPastTheQuickPass) {
  const auto& c = GetParam();
  auto t = Sniff(c.text);
  ASSERT_EQ(t.has_value(), c.table) << c.name;
  if (t) {
    EXPECT_EQ(t->table.row_count, c.rows) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    All, TableSnifferLong,
    ::testing::Values(
        LongCase{"csv_300_rows", "eid,sex,yob\n" + Rows(300), true, 300},
        LongCase{"csv_after_150_comment_lines", Repeat("# exported by a pipeline\n", 150) + "eid,sex,yob\n" + Rows(50), true, 50},
        LongCase{"csv_after_150_blank_lines", Repeat("\n", 150) + "eid,sex,yob\n" + Rows(50), true, 50},
        LongCase{"csv_ragged_after_the_sample", "eid,sex,yob\n" + Rows(120) + Repeat("free text, here\n", 100), true, 220},
        LongCase{"id_list_300", "eid\n" + Ids(300), true, 300},
        LongCase{"code_300_lines", Varied(kCode, 300), false, 0},
        LongCase{"code_then_csv", Varied(kCode, 130) + "eid,sex,yob\n" + Rows(50), false, 0},
        LongCase{"prose_300_lines", Varied(kProse, 300), false, 0},
        // A header wider than the first bytes that rule out code and prose (an extract with
        // hundreds of fields): nothing is decided from a partial record.
        LongCase{"csv_600_columns", WideTable(600, 40), true, 40},
        LongCase{"prose_then_csv", Varied(kProse, 60) + "eid,sex,yob\n" + Rows(50), false, 0}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(CountNewlines, AgreesWithAByteLoopAtEveryLengthAndOffset) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += (i % 7 == 0 || i % 11 == 0) ? '\n' : static_cast<char>('a' + i % 26);
  for (size_t off = 0; off < 17; ++off)
    for (size_t len = 0; off + len <= text.size(); ++len) {
      std::string_view s = std::string_view(text).substr(off, len);
      size_t expected = 0;
      for (char c : s) expected += c == '\n';
      ASSERT_EQ(CountNewlines(s), expected) << off << "+" << len;
    }
}

TEST(CountNewlines, CountsPastTheLaneLimitOfItsBlocks) {
  // Each SIMD lane counts up to 255 blocks (4080 bytes) before the lanes are summed.
  for (size_t len : {4079u, 4080u, 4081u, 4096u, 8161u, 65536u + 5u}) {
    EXPECT_EQ(CountNewlines(std::string(len, '\n')), len);
    std::string mixed(len, 'x');
    size_t expected = 0;
    for (size_t i = 0; i < len; i += 3, ++expected) mixed[i] = '\n';
    EXPECT_EQ(CountNewlines(mixed), expected) << len;
  }
}

TEST(LineCounter, CountsAcrossChunksAndFinalLine) {
  LineCounter c;
  c.Feed("a\nb");
  c.Feed("c\nd");
  EXPECT_EQ(c.lines(), 3);
  c.Feed("\n");
  EXPECT_EQ(c.lines(), 3);
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

TEST(TableSniffer, SemicolonWithDecimalCommasIsNotReadAsCommaWithRowNames) {
  // Broke: every row held one decimal comma, so ',' split the body as evenly as ';' did and won
  // (it comes first), reading the header as R row names; the UKB extract went unflagged.
  std::string text = "eid;31-0.0;34-0.0;21001-0.0\n";
  for (int i = 0; i < 30; ++i) text += std::to_string(1000000 + i * 37) + ";1;1950;27," + std::to_string(i % 10) + "\n";
  auto t = SniffTable(text, true, SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.delimiter, ';');
  EXPECT_EQ(t->table.header.size(), 4u);
  EXPECT_EQ(t->table.header[0], "eid");
}

TEST(TableSniffer, OneColumnIdListIsAListTable) {
  auto t = SniffTable("1234567\n2345678\n3456789\n4567890\n", true, SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.format, "list");
  EXPECT_FALSE(t->table.has_header);
  EXPECT_EQ(t->table.row_count, 4);
  EXPECT_EQ(t->table.column_count(), 1u);
}

TEST(TableSniffer, OneColumnWordListIsNotATable) {
  EXPECT_FALSE(SniffTable("apple\nbanana\ncherry\ndamson\n", true, SniffOptions{}));
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

// Found by the suppress work: one "# comment" line above the header hid a whole extract.
TEST(TableSniffer, CommentLineAboveHeaderIsAPreambleNotATableBreaker) {
  auto t = SniffTable("# synthetic test data\n// exported 2024\neid,31-0.0,34-0.0\n1000001,0,1950\n1000002,1,1961\n"
                      "1000003,0,1970\n",
                      true, SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.delimiter, ',');
  ASSERT_EQ(t->table.header.size(), 3u);
  EXPECT_EQ(t->table.header[0], "eid");
  EXPECT_EQ(t->table.row_count, 3);
  EXPECT_EQ(t->head_lines, 6);
}

TEST(TableSniffer, CommentedHeaderLineIsKeptAsTheHeader) {
  auto t = SniffTable("#FID IID PAT MAT SEX PHENO\n1000001 1000001 0 0 1 -9\n1000002 1000002 0 0 2 -9\n", true,
                      SniffOptions{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.row_count, 2);
  EXPECT_EQ(t->table.column_count(), 6u);
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

TEST(CountFields, AgreesWithSplitRecordForEveryDelimiter) {
  const std::vector<std::string> records = {
      "", " ", "\t", "a", "a,b", "a,,b,", ",", "  a  b\t\tc  ", "\ta b", "a\t b \t", "x;y;z", "p|q||",
      "\"a,b\",c", "\"a \"\"q\"\" b\" c", "a \"b c\" d", "\"unclosed, quote", "one two, three\tfour;five|six",
      std::string(5000, ' ') + "end", std::string(70, ',') + "x"};
  for (const auto& r : records)
    for (char d : {'\t', ',', ';', '|', ' '})
      EXPECT_EQ(CountFields(r, d), SplitRecord(r, d).size()) << "[" << r << "] on '" << d << "'";
}

}  // namespace
}  // namespace cg
