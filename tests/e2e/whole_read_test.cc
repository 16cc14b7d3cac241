// Whole-program tests: no silent partial reads. A file larger than --max-file-size is read
// whole (secrets and table alike); what a reader must hold in memory past that limit is an
// error (exit 3), never a clean pass; notebooks stream cell by cell; csv row counts stay honest
// with quoted fields that span lines or never close.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"
#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::TempDir;

constexpr const char* kToken = "ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh";

json ScanJson(const std::vector<std::string>& extra, const std::string& cwd, int* exit_code) {
  std::vector<std::string> args{"scan", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = testing::Cohortguard(args, cwd);
  *exit_code = r.exit_code;
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

std::vector<json> Secrets(const json& j) {
  std::vector<json> out;
  for (const json& f : j["findings"])
    if (f["category"] == "secret") out.push_back(f);
  return out;
}

bool ErrorsMention(const json& j, const std::string& needle) {
  for (const json& e : j["errors"])
    if (e["message"].get<std::string>().find(needle) != std::string::npos) return true;
  return false;
}

// Log lines of about 80 bytes up to `bytes`, the token on the line that starts past `token_at`.
std::string LogWithToken(size_t bytes, size_t token_at, int64_t* token_line) {
  std::string log;
  int64_t line = 0;
  bool planted = false;
  while (log.size() < bytes) {
    ++line;
    if (!planted && log.size() >= token_at) {
      log += "2026-01-01T00:00:00Z deploy using GITHUB_TOKEN=" + std::string(kToken) + "\n";
      *token_line = line;
      planted = true;
      continue;
    }
    log += "2026-01-01T00:00:00Z worker " + std::to_string(line) + " finished a step of the nightly build\n";
  }
  return log;
}

TEST(WholeRead, TokenPastTheHeadOfAFileOverMaxFileSizeIsFound) {
  TempDir dir;
  int64_t token_line = 0;
  dir.Write("logs/build.log", LogWithToken(3u << 20, 2u << 20, &token_line));
  int code;
  json j = ScanJson({"--max-file-size", "1M", "."}, dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  auto secrets = Secrets(j);
  ASSERT_EQ(secrets.size(), 1u) << j.dump(2);
  EXPECT_EQ(secrets[0]["line"], token_line);
  EXPECT_TRUE(j["skipped"].empty()) << j["skipped"].dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump(2);
}

TEST(WholeRead, EveryRowOfACsvOverMaxFileSizeIsCounted) {
  TempDir dir;
  dir.Write("big/ukb9.csv", testing::UkbExtract(60000, 3));
  int code;
  json j = ScanJson({"--max-file-size", "100K", "."}, dir.str(), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["rows"], 60000);
  EXPECT_FALSE(j["findings"][0]["rows_estimated"].get<bool>());
  EXPECT_TRUE(j["skipped"].empty()) << j["skipped"].dump(2);
}

TEST(WholeRead, ZipOverMaxFileSizeIsReadToItsLastMember) {
  TempDir dir;
  std::string filler = testing::GwasSummaryStats(20000);  // ~1 MB, stored so the zip is big
  dir.Write("backup.zip", testing::Archive({{"results/gwas.tsv", filler},
                                            {"config/.env", "GITHUB_TOKEN=" + std::string(kToken) + "\n"},
                                            {"pheno/ukb.csv", testing::UkbExtract(300)}},
                                           true, "zip:compression=store"));
  int code;
  json j = ScanJson({"--max-file-size", "100K", "."}, dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  EXPECT_EQ(Secrets(j).size(), 1u) << j.dump(2);
  bool table = false;
  for (const json& f : j["findings"]) table |= f["member"] == "pheno/ukb.csv" && f["rows"] == 300;
  EXPECT_TRUE(table) << j.dump(2);
  EXPECT_TRUE(j["skipped"].empty()) << j["skipped"].dump(2);
}

TEST(WholeRead, AFormatHeldInMemoryPastMaxFileSizeIsAnErrorNamingTheLimit) {
  TempDir dir;
  std::string db = testing::Run({"cat", COHORTGUARD_SOURCE_DIR "/tests/data/binary/ukb_extract.sqlite"}).out;
  ASSERT_GT(db.size(), 4096u);
  dir.Write("ukb_extract.sqlite", db);
  int code;
  json j = ScanJson({"--max-file-size", "4K", "."}, dir.str(), &code);
  EXPECT_EQ(code, 3) << j.dump(2);
  EXPECT_TRUE(ErrorsMention(j, "larger than --max-file-size")) << j["errors"].dump(2);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["path"], "ukb_extract.sqlite");
}

// A notebook as Jupyter writes it: a data frame printed in cell 0, then `image_mb` of base64
// PNG in cell 1, then another printed table in cell 2.
std::string NotebookWithImage(size_t image_mb) {
  std::string nb = R"NB({"cells": [
  {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["df.head()"],
   "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
     "data": {"text/plain": ["       eid  31-0.0  34-0.0  21022-0.0\n",)NB";
  for (int i = 0; i < 5; ++i)
    nb += "\"" + std::to_string(i) + "  " + std::to_string(1000001 + 17 * i) + "       1    1950         55\\n\",\n";
  nb += R"NB("\n", "[48211 rows x 4 columns]"]}}]},
  {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": ["plot(df)"],
   "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/png": ")NB";
  std::string b64;
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < (image_mb << 20); ++i) b64 += alphabet[(i * 7 + i / 13) % 64];
  nb += b64 + R"NB(", "text/plain": ["<Figure size 640x480>"]}}]},
  {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["token = ')NB" + std::string(kToken) + R"NB('"],
   "outputs": []}
 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})NB";
  return nb;
}

TEST(WholeRead, NotebookPastMaxFileSizeStreamsCellByCell) {
  TempDir dir;
  dir.Write("analysis.ipynb", NotebookWithImage(40));
  int code;
  json j = ScanJson({"--max-file-size", "1M", "."}, dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump(2);
  bool table = false;
  for (const json& f : j["findings"])
    table |= f["member"] == "cell[0]" && f["category"] == "participant-data" && f["rows"] == 48211;
  EXPECT_TRUE(table) << j.dump(2);
  EXPECT_EQ(Secrets(j).size(), 1u) << j.dump(2);
}

TEST(WholeRead, NotebookOutputCutForLengthIsAnError) {
  TempDir dir;
  std::string nb = R"({"cells": [{"cell_type": "code", "metadata": {}, "source": [], "outputs": [
    {"output_type": "stream", "name": "stdout", "text": ")";
  for (int i = 0; nb.size() < (5u << 20); ++i) nb += std::to_string(1000001 + i) + ",1,1950\\n";
  nb += R"("}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})";
  dir.Write("printed.ipynb", nb);
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 3) << j.dump(2);
  EXPECT_TRUE(ErrorsMention(j, "cells 0 have outputs longer than")) << j["errors"].dump(2);
}

// One line of `size` bytes with the token straddling `at`: the detectors see a long line in
// overlapping windows, never a token cut in two.
TEST(WholeRead, TokenAcrossTheCutOfAVeryLongLineIsFoundOnce) {
  TempDir dir;
  const size_t cut = 16u << 20;  // ContentLimits::max_line_length
  std::string line(cut + (2u << 20), 'x');
  for (size_t i = 0; i < line.size(); i += 100) line[i] = ' ';
  std::string token = std::string(" GITHUB_TOKEN=") + kToken + " ";
  line.replace(cut - 20, token.size(), token);
  dir.Write("minified.js", line);
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  EXPECT_EQ(Secrets(j).size(), 1u) << j.dump(2);
}

TEST(WholeRead, QuotedFieldSpanningManyLinesDoesNotMakeRows) {
  TempDir dir;
  std::string csv = "eid,31-0.0,34-0.0,note\n";
  for (int i = 0; i < 300; ++i) {
    csv += std::to_string(1000001 + 13 * i) + ",1,1950,";
    if (i == 150) {
      csv += "\"";
      for (int k = 0; k < 200000; ++k) csv += "free text, \"\"quoted\"\", line " + std::to_string(k) + "\n";
      csv += "\"\n";
    } else {
      csv += "ok\n";
    }
  }
  dir.Write("ukb_notes.csv", csv);
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["rows"], 300);
  EXPECT_FALSE(j["findings"][0]["rows_estimated"].get<bool>());
}

TEST(WholeRead, UnterminatedQuoteEstimatesRowsAndSaysSo) {
  TempDir dir;
  std::string csv = "eid,31-0.0,34-0.0,note\n1000001,1,1950,ok\n1000018,0,1961,\"unclosed\n";
  for (int i = 2; i < 60000; ++i) csv += std::to_string(1000001 + 17 * i) + ",1,1950,ok\n";
  dir.Write("ukb_cut.csv", csv);
  int code;
  json j = ScanJson({"."}, dir.str(), &code);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_TRUE(j["findings"][0]["rows_estimated"].get<bool>());
  EXPECT_GE(j["findings"][0]["rows"].get<int64_t>(), 59999);
  ASSERT_EQ(j["skipped"].size(), 1u) << j.dump(2);
  EXPECT_NE(j["skipped"][0]["reason"].get<std::string>().find("never closes"), std::string::npos);
}

// A tar of a sparse file (as `tar --sparse` writes a 16 GiB disk image or database file): the
// table at the head of the member is read, the holes are not read as 16 GiB of zeros.
TEST(WholeRead, TableAtTheHeadOfASparseTarMemberIsRead) {
  TempDir dir;
  auto data = dir.Write("src/ukb_dump.csv", testing::UkbExtract(300));
  ASSERT_EQ(truncate(data.c_str(), 16ll << 30), 0);
  auto tar = testing::Run({"tar", "--sparse", "-cf", "dump.tar", "-C", "src", "ukb_dump.csv"}, dir.str());
  ASSERT_EQ(tar.exit_code, 0) << tar.err;
  std::filesystem::remove_all(dir.path() / "src");
  int code;
  json j = ScanJson({"dump.tar"}, dir.str(), &code);
  EXPECT_EQ(code, 1) << j.dump(2);
  EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump(2);
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  EXPECT_EQ(j["findings"][0]["member"], "ukb_dump.csv");
  EXPECT_EQ(j["findings"][0]["rows"], 300);
}

// The pre-commit hook names what it could not read whole, and refuses (fail closed).
TEST(WholeRead, PreCommitHookNamesANotebookOutputReadInPart) {
  testing::Fixture fx;
  std::string nb = R"({"cells": [{"cell_type": "code", "metadata": {}, "source": [], "outputs": [
    {"output_type": "stream", "name": "stdout", "text": ")";
  for (int i = 0; nb.size() < (5u << 20); ++i) nb += "row " + std::to_string(i) + " of a long log\\n";
  nb += R"("}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})";
  std::string head = testing::Rev("HEAD", fx.work);
  testing::RunResult r = fx.Commit("notebooks/run.ipynb", nb);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("notebooks/run.ipynb"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("have outputs longer than"), std::string::npos) << r.err;
  EXPECT_EQ(testing::Rev("HEAD", fx.work), head) << "the commit must not happen";
}

TEST(WholeRead, PreCommitHookNamesAnUnterminatedQuote) {
  testing::Fixture fx;
  std::string csv = "id,score,note\n1,0.5,ok\n2,0.7,\"never closed\n";
  for (int i = 3; i < 500; ++i) csv += std::to_string(i) + ",0.1,ok\n";
  testing::RunResult r = fx.Commit("results/scores.csv", csv);
  EXPECT_NE(r.err.find("results/scores.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("never closes"), std::string::npos) << r.err;
}

// Git blobs are read whole whatever --max-file-size says (it bounds only what a reader holds past
// the blob itself): a committed extract over the limit and a log with a token past the limit are
// found, never skipped, from the index (--staged, what pre-commit reads), from a range (--range,
// what pre-push reads) and from the object store (--history). The hooks take no --max-file-size
// (they run at the default); the commit hook names both files.
TEST(WholeRead, AGitBlobOverMaxFileSizeIsReadWholeFromIndexRangeAndHistory) {
  testing::Fixture fx;
  std::string base = testing::Rev("HEAD", fx.work);
  while (!base.empty() && base.back() == '\n') base.pop_back();
  std::string csv = testing::UkbExtract(4000, 3);
  ASSERT_GT(csv.size(), 64u * 1024);
  fx.Write("data/ukb_extract.csv", csv);
  int64_t token_line = 0;
  fx.Write("logs/deploy.log", LogWithToken(256u << 10, 192u << 10, &token_line));
  ASSERT_EQ(testing::Git({"add", "data/ukb_extract.csv", "logs/deploy.log"}, fx.work).exit_code, 0);
  auto expect_whole = [&](const std::vector<std::string>& mode) {
    SCOPED_TRACE(mode[0]);
    std::vector<std::string> args = mode;
    args.insert(args.end(), {"--max-file-size", "64K", "."});
    int code;
    json j = ScanJson(args, fx.work, &code);
    EXPECT_EQ(code, 1) << j.dump(2);
    EXPECT_TRUE(j["skipped"].empty()) << j["skipped"].dump(2);
    EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump(2);
    auto secrets = Secrets(j);
    ASSERT_EQ(secrets.size(), 1u) << j.dump(2);
    EXPECT_EQ(secrets[0]["line"], token_line);
    bool table = false;
    for (const json& f : j["findings"])
      table |= f["path"] == "data/ukb_extract.csv" && f["category"] == "participant-data" && f["rows"] == 4000;
    EXPECT_TRUE(table) << j.dump(2);
  };
  expect_whole({"--staged"});
  testing::RunResult commit = testing::Git({"commit", "-q", "-m", "extract"}, fx.work);
  EXPECT_NE(commit.exit_code, 0) << "the pre-commit hook must refuse";
  EXPECT_NE(commit.err.find("data/ukb_extract.csv"), std::string::npos) << commit.err;
  EXPECT_NE(commit.err.find("logs/deploy.log"), std::string::npos) << commit.err;
  ASSERT_EQ(testing::Git({"commit", "-q", "--no-verify", "-m", "extract"}, fx.work).exit_code, 0);
  expect_whole({"--range", base + "..HEAD"});
  expect_whole({"--history"});
}

}  // namespace
}  // namespace cg
