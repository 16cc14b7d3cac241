#include "content/json_records_reader.h"

#include <gtest/gtest.h>

#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using Header = std::vector<std::string>;

TEST(JsonRecordsReader, JsonLinesBecomeATableWithUnionOfKeys) {
  std::string jsonl = "{\"eid\": 1000001, \"sex\": \"F\"}\n\n{\"eid\": 1000002, \"sex\": null, \"bmi\": 22.5}\r\n";
  for (int i = 0; i < 500; ++i) jsonl += "{\"eid\": " + std::to_string(1000003 + i) + ", \"sex\": \"M\"}\n";
  auto x = ExpandBytes(jsonl, "people.jsonl");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 1u);
  ASSERT_TRUE(x.leaves[0].table);
  const TableView& t = *x.leaves[0].table;
  EXPECT_EQ(t.header, (Header{"eid", "sex", "bmi"}));
  EXPECT_EQ(t.row_count, 502);
  EXPECT_EQ(t.rows.size(), 200u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1000001", "F", ""}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"1000002", "", "22.5"}));
  EXPECT_EQ(x.leaves[0].member, "");
}

TEST(JsonRecordsReader, ArrayOfRecordsBecomesATable) {
  auto x = ExpandBytes("[{\"person_id\": 1, \"nested\": {\"a\": [1, 2]}}, {\"person_id\": 2, \"ok\": true}]", "p.json");
  ASSERT_EQ(x.leaves.size(), 1u);
  const TableView& t = *x.leaves[0].table;
  EXPECT_EQ(t.header, (Header{"person_id", "nested", "ok"}));
  EXPECT_EQ(t.row_count, 2);
  EXPECT_EQ(t.rows[0][1], "{\"a\":[1,2]}");
  EXPECT_EQ(t.rows[1][2], "true");
}

TEST(JsonRecordsReader, OtherJsonYieldsNothingAndNoError) {
  const char* cases[] = {"{\n  \"name\": \"config\",\n  \"debug\": true\n}\n", "[1, 2, 3]", "[]", "\"text\"", "",
                         "[{\"a\": 1}, 2]"};
  for (const char* json : cases) {
    auto x = ExpandBytes(json, "c.json");
    EXPECT_TRUE(x.leaves.empty()) << json;
    EXPECT_TRUE(x.errors.empty()) << json;
  }
}

TEST(JsonRecordsReader, InvalidLinesAfterValidOnesAreCountedAndReported) {
  auto x = ExpandBytes("{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n", "x.jsonl");
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].table->row_count, 3);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("1 JSON lines are not valid"), std::string::npos);
}

TEST(JsonRecordsReader, OverlongLineIsCountedNotParsed) {
  ContentLimits limits;
  limits.max_line_length = 1000;
  std::string jsonl = "{\"a\": 1}\n{\"a\": \"" + std::string(5000, 'x') + "\"}\n{\"a\": 3}\n";
  auto x = ExpandBytes(jsonl, "x.jsonl", limits);
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].table->row_count, 3);
  EXPECT_EQ(x.leaves[0].table->rows.size(), 2u);
  ASSERT_EQ(x.errors.size(), 1u);
  EXPECT_NE(x.errors[0].find("longer than 1000 bytes"), std::string::npos);
}

TEST(JsonRecordsReader, GzippedJsonLinesAreStreamed) {
  std::string jsonl;
  for (int i = 0; i < 100000; ++i) jsonl += "{\"eid\": " + std::to_string(1000000 + i) + "}\n";
  auto x = ExpandBytes(testing::Gzip(jsonl), "big.jsonl.gz");
  ASSERT_EQ(x.leaves.size(), 1u);
  EXPECT_EQ(x.leaves[0].name, "big.jsonl");
  EXPECT_EQ(x.leaves[0].table->row_count, 100000);
}

}  // namespace
}  // namespace cg
