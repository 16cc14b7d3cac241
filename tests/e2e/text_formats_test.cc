// Whole-program tests of text in the encodings and shapes real tools write: UTF-16/UTF-32 (R,
// pandas, iconv; tests/fixtures/text from scripts/generate-text-fixtures), text with NUL bytes,
// and files named as text that are not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

const std::string kGithub = "ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh";

json Scan(const std::string& dir, int* exit_code = nullptr) {
  auto r = testing::Cohortguard({"scan", "--format", "json", "."}, dir);
  if (exit_code) *exit_code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

std::string Fixture(const std::string& name) {
  std::ifstream in(fs::path(COHORTGUARD_SOURCE_DIR) / "tests/fixtures/text" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << name;
  return s.str();
}

std::string Utf16Le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += std::string{c, '\0'};
  return out;
}

TEST(TextFormatsCli, TablesWrittenInUtf16AndUtf32ByRealToolsAreFound) {
  testing::TempDir dir;
  const char* files[] = {"r_write_csv_utf16le.csv", "r_write_csv_utf16be.csv", "pandas_utf16_bom.txt",
                         "pandas_utf32_bom.csv",    "iconv_utf16be_nobom.csv", "iconv_utf32le_nobom.csv"};
  for (const char* f : files) dir.Write(f, Fixture(f));
  json j = Scan(dir.str());
  for (const char* f : files) {
    SCOPED_TRACE(f);
    bool found = false;
    for (const auto& x : j["findings"])
      if (x["path"] == f) {
        found = true;
        EXPECT_EQ(x["rule"], "ukbiobank.main-dataset");
        EXPECT_EQ(x["rows"], 120);
        EXPECT_TRUE(x["member"].is_null()) << x.dump();  // the same file, re-encoded: no member
      }
    EXPECT_TRUE(found) << j.dump(2);
  }
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);
  EXPECT_TRUE(j["skipped"].empty()) << j.dump(2);
}

TEST(TextFormatsCli, NulBytesDoNotHideATable) {
  testing::TempDir dir;
  for (const char* f : {"nul_in_header.csv", "nul_after_each_comma.csv"}) dir.Write(f, Fixture(f));
  json j = Scan(dir.str());
  ASSERT_EQ(j["findings"].size(), 2u) << j.dump(2);
  for (const auto& x : j["findings"]) {
    EXPECT_EQ(x["rows"], 120);
    EXPECT_EQ(x["columns"][2], "34-0.0");  // the NUL inside the header is gone
  }
}

TEST(TextFormatsCli, SecretsInUtf16TextAndBehindANulAreFound) {
  testing::TempDir dir;
  dir.Write("settings.txt", Utf16Le("# exported settings\r\nGITHUB_TOKEN=" + kGithub + "\r\n"));
  dir.Write("run.sh", std::string("#!/bin/sh\n\0export GITHUB_TOKEN=", 31) + kGithub + "\n");
  int exit_code = -1;
  json j = Scan(dir.str(), &exit_code);
  EXPECT_EQ(exit_code, 1);
  std::set<std::string> paths;
  for (const auto& x : j["findings"]) {
    EXPECT_EQ(x["category"], "secret");
    paths.insert(x["path"]);
    EXPECT_EQ(x["line"], 2) << x.dump();
  }
  EXPECT_EQ(paths, (std::set<std::string>{"settings.txt", "run.sh"})) << j.dump(2);
  EXPECT_EQ(j.dump().find(kGithub), std::string::npos);  // masked, never printed
}

TEST(TextFormatsCli, BinaryNamedAsATableIsAnErrorNamingItAndTheScanIsIncomplete) {
  testing::TempDir dir;
  std::string noise;
  for (int i = 0; i < 6000; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
  dir.Write("export/cohort.csv", noise);
  dir.Write("model.bin", noise);  // binary by name too: counted, not listed
  int exit_code = -1;
  json j = Scan(dir.str(), &exit_code);
  EXPECT_EQ(exit_code, 3) << j.dump(2);
  ASSERT_EQ(j["errors"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["errors"][0]["path"], "export/cohort.csv");
  EXPECT_NE(j["errors"][0]["message"].get<std::string>().find("binary"), std::string::npos) << j.dump(2);
}

TEST(TextFormatsCli, SecretsInTheRawTextOfJsonNotebooksAndHtmlAreFoundOnce) {
  testing::TempDir dir;
  // A Google service-account key file: one JSON object, not records, so the JSON reader yields
  // no table; only the raw text holds the key.
  dir.Write("creds/key.json",
            "{\n  \"type\": \"service_account\",\n  \"project_id\": \"terra-analysis\",\n  \"private_key\": "
            "\"-----BEGIN PRIVATE KEY-----\\nPu2njHkAm1/5wDr16EpLLJIVGHz4FxFEtKyPiYGFDm7ena8D5VfLDpgyyjVw5Han\\n"
            "R1UYzaLiA/zNyD7CHLn/xC+1hsYgBds1ghxY5OokvQyx7eNWVQ4vnakJkS1pAWTN\\n-----END PRIVATE KEY-----\\n\"\n}\n");
  // A token in a code cell's source (not an output) and, once more, printed by a stream output.
  dir.Write("analysis.ipynb", "{\"cells\": [\n {\"cell_type\": \"code\", \"outputs\": [], \"source\": [\"token = '" + kGithub +
                                  "'\\n\"]},\n {\"cell_type\": \"code\", \"source\": [], \"outputs\": [{\"output_type\": \"stream\", "
                                  "\"name\": \"stdout\", \"text\": [\"GITHUB_TOKEN=" + kGithub + "\\n\"]}]}\n], \"nbformat\": 4}\n");
  dir.Write("report.html", "<html>\n<script>const token = '" + kGithub + "';</script>\n<table><tr><th>a</th></tr></table>\n</html>\n");
  json j = Scan(dir.str());
  std::multiset<std::string> where;
  for (const auto& x : j["findings"]) {
    EXPECT_EQ(x["category"], "secret") << x.dump();
    EXPECT_TRUE(x["member"].is_null()) << "found in the raw text, with the file's line: " << x.dump();
    where.insert(x["path"].get<std::string>() + ":" + std::to_string(x["line"].get<int>()));
  }
  EXPECT_EQ(where, (std::multiset<std::string>{"creds/key.json:4", "analysis.ipynb:2", "analysis.ipynb:3",
                                               "report.html:2"}))
      << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j.dump(2);
}

}  // namespace
}  // namespace cg
