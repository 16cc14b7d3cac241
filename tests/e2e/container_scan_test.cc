// Whole-program tests: a UK Biobank extract hidden in each container is found, with the right
// `member`; hostile containers are reported as errors and never crash or hang the scan.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"
#include "content/table_sample.h"
#include "unit/content/container_fixtures.h"
#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Archive;
using testing::TempDir;

json Scan(const TempDir& dir, int* code) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir.str());
  *code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

std::vector<std::vector<std::string>> CsvRows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  for (std::string_view line : SplitLines(csv)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t comma; (comma = line.find(',', start)) != std::string_view::npos; start = comma + 1)
      cells.emplace_back(line.substr(start, comma - start));
    cells.emplace_back(line.substr(start));
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::string HtmlTable(const std::string& csv) {
  auto rows = CsvRows(csv);
  std::string h = "<table border=\"1\" class=\"dataframe\"><thead><tr><th></th>";
  for (const auto& c : rows[0]) h += "<th>" + c + "</th>";
  h += "</tr></thead><tbody>";
  for (size_t r = 1; r < rows.size(); ++r) {
    h += "<tr><th>" + std::to_string(r - 1) + "</th>";
    for (const auto& c : rows[r]) h += "<td>" + c + "</td>";
    h += "</tr>";
  }
  return h + "</tbody></table>";
}

std::string Xlsx(const std::string& csv) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  std::string sheet = "<worksheet " + ns + "><sheetData>";
  for (const auto& row : CsvRows(csv)) {
    sheet += "<row>";
    for (const auto& c : row) sheet += "<c t=\"inlineStr\"><is><t>" + c + "</t></is></c>";
    sheet += "</row>";
  }
  sheet += "</sheetData></worksheet>";
  return Archive({{"xl/workbook.xml", "<workbook " + ns +
                                          " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                          "<sheets><sheet name=\"baseline\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                  {"xl/_rels/workbook.xml.rels",
                   "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                  {"xl/worksheets/sheet1.xml", sheet}});
}

std::string Notebook(const std::string& csv) {
  json nb = {{"cells", json::array({{{"cell_type", "markdown"}, {"metadata", json::object()}, {"source", "# Load"}},
                                    {{"cell_type", "code"},
                                     {"metadata", json::object()},
                                     {"execution_count", 1},
                                     {"source", "df"},
                                     {"outputs", json::array({{{"output_type", "execute_result"},
                                                               {"execution_count", 1},
                                                               {"metadata", json::object()},
                                                               {"data", {{"text/html", HtmlTable(csv)}}}}})}}})},
             {"metadata", json::object()},
             {"nbformat", 4},
             {"nbformat_minor", 5}};
  return nb.dump();
}

std::string Jsonl(const std::string& csv) {
  auto rows = CsvRows(csv);
  std::string out;
  for (size_t r = 1; r < rows.size(); ++r) {
    json o = json::object();
    for (size_t c = 0; c < rows[0].size(); ++c) o[rows[0][c]] = rows[r][c];
    out += o.dump() + "\n";
  }
  return out;
}

struct Case {
  std::string path, bytes, member;
};

// A UK Biobank extract of 500 rows inside each kind of container, with the member it is in.
std::vector<Case> ContainerCases(const std::string& csv) {
  return {
      {"data/ukb.csv.gz", testing::Gzip(csv), ""},
      {"data/ukb.csv.zst", testing::Zstd(csv), ""},
      {"data/ukb.csv.xz", testing::Xz(csv), ""},
      {"data/ukb.csv.bz2", testing::Bzip2(csv), ""},
      {"data/ukb.tsv.bgz", testing::Bgzf(csv), ""},
      {"backup.zip", Archive({{"pheno/ukb_subset.csv", csv}}), "pheno/ukb_subset.csv"},
      {"backup.tar.gz", testing::Gzip(Archive({{"old/backup.zip", Archive({{"ukb.csv", csv}})}}, false)),
       "old/backup.zip!ukb.csv"},
      {"cohort.xlsx", Xlsx(csv), "baseline"},
      {"analysis.ipynb", Notebook(csv), "cell[1]"},
      {"report.html", "<html><body><h1>Data</h1>" + HtmlTable(csv) + "</body></html>", "table[0]"},
      {"export.jsonl", Jsonl(csv), ""},
  };
}

TEST(ContainerScan, UkbExtractIsFoundInsideEachContainerWithItsMember) {
  const std::string csv = testing::UkbExtract(500, 3);
  for (const Case& c : ContainerCases(csv)) {
    SCOPED_TRACE(c.path);
    TempDir dir;
    dir.Write(c.path, c.bytes);
    int code;
    json j = Scan(dir, &code);
    EXPECT_EQ(code, 1) << j.dump(2);
    ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
    const json& f = j["findings"][0];
    EXPECT_EQ(f["rule"], "ukbiobank.main-dataset");
    EXPECT_EQ(f["path"], c.path);
    if (c.member.empty())
      EXPECT_TRUE(f["member"].is_null()) << f.dump();
    else
      EXPECT_EQ(f["member"], c.member);
    EXPECT_EQ(f["rows"], 500);
    EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump();
  }
}

// History blobs are read before the walk has named them, so a type known only from the name
// (notebook, HTML page, JSON lines) must come from the content: a notebook, an R Markdown page
// and a .jsonl committed once were passed as clean text by `scan --history`, exit 0.
TEST(ContainerScan, HistoryFindsEachContainerAsAWorktreeScanDoesWithItsPathAndMember) {
  const std::string csv = testing::UkbExtract(500, 3);
  testing::GitTestRepo repo;
  const std::vector<Case> cases = ContainerCases(csv);
  for (const Case& c : cases) repo.Write(c.path, c.bytes);
  repo.Commit("add");
  auto r = testing::Cohortguard({"scan", "--history", "--format", "json", "."}, repo.dir());
  ASSERT_FALSE(r.out.empty()) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(r.exit_code, 1) << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    int found = 0;
    for (const json& f : j["findings"]) {
      if (f["path"] != c.path) continue;
      ++found;
      EXPECT_EQ(f["rule"], "ukbiobank.main-dataset");
      if (c.member.empty())
        EXPECT_TRUE(f["member"].is_null()) << f.dump();
      else
        EXPECT_EQ(f["member"], c.member);
      EXPECT_EQ(f["rows"], 500);
    }
    EXPECT_EQ(found, 1) << j["findings"].dump(2);
  }
}

bool ErrorsMention(const json& j, const std::string& needle) {
  for (const auto& e : j["errors"])
    if (e["message"].get<std::string>().find(needle) != std::string::npos) return true;
  return false;
}

TEST(ContainerScan, HostileContainersAreReportedNotFatal) {
  const std::string csv = testing::UkbExtract(100, 3);
  std::vector<testing::Member> zeros;
  for (int i = 0; i < 10; ++i) zeros.push_back({"z" + std::to_string(i), std::string(16u << 20, '\0')});
  std::string bomb = Archive(zeros);
  for (int level = 0; level < 2; ++level) {
    std::vector<testing::Member> next;
    for (int i = 0; i < 10; ++i) next.push_back({"l" + std::to_string(i) + ".zip", bomb});
    bomb = Archive(next);
  }
  std::string deep = Archive({{"pheno.csv", csv}});
  for (int i = 0; i < 19; ++i) deep = Archive({{"d" + std::to_string(i) + ".zip", deep}});
  std::string gz = testing::Gzip(csv);
  TempDir dir;
  dir.Write("42.zip", bomb);
  dir.Write("deep.zip", deep);
  dir.Write("cut.csv.gz", gz.substr(0, gz.size() / 2));
  dir.Write("evil.zip", Archive({{"../../etc/passwd", "root:x:0:0\n"}}));
  dir.Write("broken.ipynb", "{\"cells\": [ {\"cell_type\": ");
  dir.Write("ok.csv", "a,b\n1,2\n");
  int code;
  json j = Scan(dir, &code);
  EXPECT_TRUE(ErrorsMention(j, "suspected decompression bomb")) << j["errors"].dump(2);
  EXPECT_TRUE(ErrorsMention(j, "nested deeper than 4")) << j["errors"].dump(2);
  EXPECT_TRUE(ErrorsMention(j, "truncated gzip stream")) << j["errors"].dump(2);
  EXPECT_TRUE(ErrorsMention(j, "path-traversal")) << j["errors"].dump(2);
  EXPECT_TRUE(ErrorsMention(j, "invalid notebook JSON")) << j["errors"].dump(2);
  EXPECT_EQ(j["stats"]["files"], 6);
  // The bomb is also a finding of its own, once, on the outer file.
  int bombs = 0;
  for (const auto& f : j["findings"])
    if (f["rule"] == "content.decompression-bomb") {
      ++bombs;
      EXPECT_EQ(f["path"], "42.zip");
      EXPECT_EQ(f["category"], "policy");
    }
  EXPECT_EQ(bombs, 1) << j["findings"].dump(2);
}

}  // namespace
}  // namespace cg
