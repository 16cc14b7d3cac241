// Whole-program tests of delimited text whose rows have unequal field counts (trailing fields
// left out, stray trailing delimiters), none of them common: read as the header's columns and
// judged, and the raggedness named under `skipped`. Text that is no table, with uneven
// delimiters all the same, stays as it was: clean, nothing skipped, exit 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::TempDir;

json ScanJson(const std::string& cwd, int* exit_code) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, cwd);
  *exit_code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

// "(F to M fields; the header has H)" for an unquoted text whose first line is the header.
std::string FieldRange(const std::string& text) {
  size_t fewest = SIZE_MAX, most = 0;
  const size_t header_end = text.find('\n');
  const size_t header = static_cast<size_t>(std::count(text.begin(), text.begin() + header_end, ',')) + 1;
  for (size_t at = header_end + 1; at < text.size();) {
    const size_t nl = text.find('\n', at);
    const size_t k = static_cast<size_t>(std::count(text.begin() + at, text.begin() + nl, ',')) + 1;
    fewest = std::min(fewest, k);
    most = std::max(most, k);
    at = nl + 1;
  }
  return "(" + std::to_string(fewest) + " to " + std::to_string(most) + " fields; the header has " +
         std::to_string(header) + ")";
}

TEST(RaggedRows, ParticipantTableIsFoundAndTheRaggednessNamed) {
  TempDir dir;
  const std::string csv = testing::RaggedParticipantTable(300, 3);
  dir.Write("data/cohort_export.csv", csv);
  int code;
  json j = ScanJson(dir.str(), &code);
  EXPECT_EQ(code, 1) << "the finding blocks: " << j.dump(2);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["category"], "participant-data");
  EXPECT_EQ(j["findings"][0]["rows"], 300);
  ASSERT_EQ(j["skipped"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["skipped"][0]["path"], "data/cohort_export.csv");
  const std::string reason = j["skipped"][0]["reason"];
  EXPECT_NE(reason.find("rows have unequal field counts " + FieldRange(csv)), std::string::npos) << reason;

  auto text = testing::Cohortguard({"scan", "."}, dir.str());
  EXPECT_EQ(text.exit_code, 1);
  const size_t skipped = text.out.find("skipped in part:");
  ASSERT_NE(skipped, std::string::npos) << text.out;
  EXPECT_NE(text.out.find("data/cohort_export.csv: rows have unequal field counts", skipped), std::string::npos)
      << text.out;
}

// Past the sniffed head rows are counted, not split: the note says which rows the range is of.
TEST(RaggedRows, LongTableCountsEveryRowAndSaysWhichRowsTheRangeIsOf) {
  TempDir dir;
  dir.Write("data/cohort_export.csv", testing::RaggedParticipantTable(5000, 4));
  int code;
  json j = ScanJson(dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["rows"], 5000);
  EXPECT_FALSE(j["findings"][0]["rows_estimated"].get<bool>());
  ASSERT_EQ(j["skipped"].size(), 1u) << j.dump(2);
  const std::string reason = j["skipped"][0]["reason"];
  std::smatch m;
  ASSERT_TRUE(std::regex_search(reason, m, std::regex(R"(\(2 to 8 fields in the first (\d+) rows; the header has 5\))")))
      << reason;
  EXPECT_GT(std::stoi(m[1]), 0);
  EXPECT_LT(std::stoi(m[1]), 5000);
}

// A ragged table of no participants: nothing found, and the note all the same (reported, not
// exit 3, like a quoted field that never closes: the table was read and judged).
TEST(RaggedRows, TableOfNoParticipantsIsJudgedAndTheRaggednessNoted) {
  TempDir dir;
  std::string csv = "gene,chromosome,start,end,score,note\n";
  for (int i = 0; i < 60; ++i) {
    csv += "GENE" + std::to_string(i) + "," + std::to_string(1 + i % 22) + "," + std::to_string(10000 + 977 * i);
    if (i % 3) csv += "," + std::to_string(12000 + 977 * i) + ",0." + std::to_string(i % 9 + 1);
    if (i % 5 == 0) csv += ",,";
    csv += "\n";
  }
  dir.Write("annotation/genes.csv", csv);
  int code;
  json j = ScanJson(dir.str(), &code);
  EXPECT_EQ(code, 0) << j.dump(2);
  EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);
  ASSERT_EQ(j["skipped"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["skipped"][0]["path"], "annotation/genes.csv");
  EXPECT_NE(j["skipped"][0]["reason"].get<std::string>().find(FieldRange(csv)), std::string::npos) << j.dump(2);
}

// Prose and code with a comma on every line, their commas as uneven as the rows above.
TEST(RaggedRows, ProseAndCodeWithUnevenCommasStayClean) {
  TempDir dir;
  std::string prose, code;
  for (int i = 0; i < 80; ++i) {
    prose += "Participants were recruited at centre " + std::to_string(i) + ", in person" +
             std::string(i % 3, ',') + " and by letter, " + (i % 2 ? "with consent, " : "") + "in 2006.\n";
    code += "fit" + std::to_string(i) + "<-glm(y~x" + std::to_string(i) + ",data=d" + (i % 3 ? ",family=binomial" : "") +
            (i % 4 ? ",weights=w" : "") + ",subset=s)\n";
  }
  dir.Write("docs/methods.csv", prose);
  dir.Write("analysis/models.csv", code);
  int exit_code;
  json j = ScanJson(dir.str(), &exit_code);
  EXPECT_EQ(exit_code, 0) << j.dump(2);
  EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
  EXPECT_TRUE(j["skipped"].empty()) << j.dump(2);
}

TEST(RaggedRows, PreCommitHookRefusesTheTableAndNamesIt) {
  testing::Fixture fx;
  const std::string head = testing::Rev("HEAD", fx.work);
  testing::RunResult r = fx.Commit("data/cohort_export.csv", testing::RaggedParticipantTable(200, 5));
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("data/cohort_export.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unequal field counts"), std::string::npos) << r.err;
  EXPECT_EQ(testing::Rev("HEAD", fx.work), head) << "the commit must not happen";
}

}  // namespace
}  // namespace cg
