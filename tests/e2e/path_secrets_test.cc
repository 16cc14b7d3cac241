// A secret in a file or folder name (keys/ghp_…/config) is found like one in a file, and no
// output prints it: every report format, --explain, each hook's messages and advice, a history
// scan and the server's refusal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/hook_fixture.h"
#include "report/report.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::Git;
using testing::PushFixture;
using testing::Rev;
using testing::RunResult;
using testing::ServerFixture;

constexpr const char* kToken = "ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh";
const std::string kFolder = std::string("keys/") + kToken;

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The folder name's finding, shown masked, and the token nowhere.
void ExpectFoundAndMasked(const RunResult& r, const std::string& what) {
  const std::string all = r.out + r.err;
  EXPECT_FALSE(Has(all, kToken)) << what << ": " << all;
  EXPECT_FALSE(Has(all, std::string(kToken).substr(4, 12))) << what << ": " << all;
  EXPECT_TRUE(Has(all, "secrets.github-token")) << what << ": " << all;
  EXPECT_TRUE(Has(all, "keys/ghp_")) << what << ": the masked folder is still named: " << all;
}

TEST(PathSecrets, FolderNameHoldingATokenIsFoundAndMaskedInEveryFormat) {
  testing::TempDir dir;
  dir.Write("repo/" + kFolder + "/config", "host = build.example.invalid\nretries = 3\n");
  dir.Write("repo/" + kFolder + "/ukb.csv", testing::UkbExtract(300));
  dir.Write("repo/README.md", "# study\n");
  const std::string repo = dir.str() + "/repo";
  for (const auto& f : ReportFormats()) {
    RunResult r = testing::Cohortguard({"scan", "--format", f.name, "--explain", "."}, repo);
    EXPECT_EQ(r.exit_code, 1) << f.name << ": " << r.err;
    ExpectFoundAndMasked(r, f.name);
    EXPECT_TRUE(Has(r.out, "ukbiobank.main-dataset")) << f.name << ": " << r.out;
  }
  RunResult r = testing::Cohortguard({"scan", "."}, repo);
  EXPECT_TRUE(Has(r.out, "folder name")) << r.out;
  // Only the folder holds a secret: one finding for it, not one per file inside.
  r = testing::Cohortguard({"scan", "--format", "jsonl", "."}, repo);
  size_t n = 0;
  for (size_t at = r.out.find("secrets.github-token"); at != std::string::npos; at = r.out.find("secrets.github-token", at + 1)) ++n;
  EXPECT_EQ(n, 1u) << r.out;
  // The same file name without the token: nothing about secrets.
  testing::TempDir clean;
  clean.Write("repo/keys/deploy/config", "host = build.example.invalid\nretries = 3\n");
  r = testing::Cohortguard({"scan", "."}, clean.str() + "/repo");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(PathSecrets, HooksRefuseAPathHoldingATokenAndNeverPrintIt) {
  PushFixture fx;
  // pre-commit: the staged path alone blocks (the content is clean).
  RunResult r = fx.Commit(kFolder + "/config", "host = build.example.invalid\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ExpectFoundAndMasked(r, "pre-commit");
  EXPECT_TRUE(Has(r.err, "folder name")) << r.err;

  // pre-push: committed past the hook, pushed to a public remote.
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "keys"}, fx.work).exit_code, 0);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  ExpectFoundAndMasked(r, "pre-push");
  EXPECT_EQ(Rev("main", fx.server), "");

  // A history scan (CI, a clone) names it masked too.
  r = testing::Cohortguard({"scan", "--history", "--format", "json", "."}, fx.work);
  EXPECT_FALSE(Has(r.out + r.err, kToken)) << r.out << r.err;
}

TEST(PathSecrets, PrePushChecksEveryPathABlobHasNotOnlyTheFirst) {
  PushFixture fx;
  // One push: a clean file, then the same content copied under a folder named by a token. The
  // blob is read once; its second path is checked all the same.
  ASSERT_EQ(fx.Commit("notes/config", "host = build.example.invalid\n").exit_code, 0);
  fx.Write(kFolder + "/config", "host = build.example.invalid\n");
  Git({"add", kFolder + "/config"}, fx.work);
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "copy"}, fx.work).exit_code, 0);
  RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  ExpectFoundAndMasked(r, "pre-push of one blob under two paths");
  EXPECT_EQ(Rev("main", fx.server), "");
}

TEST(PathSecrets, PreReceiveRefusesAPathHoldingATokenAndNeverPrintsIt) {
  ServerFixture fx;
  RunResult r = fx.CommitAndPush(kFolder + "/config", "host = build.example.invalid\n");
  EXPECT_NE(r.exit_code, 0) << r.err;
  ExpectFoundAndMasked(r, "pre-receive");
  EXPECT_EQ(Rev("main", fx.server), "");
}

// The shell word after `command` in `text` (the first time it appears), e.g. a quoted path.
std::string WordAfter(const std::string& text, const std::string& command) {
  size_t at = text.find(command);
  if (at == std::string::npos) return "";
  at += command.size();
  size_t end = text.find_first_of(" \n,)", at);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

TEST(PathSecrets, HistoryScanChecksEveryNameEvenWhenTheContentUnderItIsClean) {
  PushFixture fx;
  // The clean content is committed first under a plain name, so the blob id is old news when it
  // reappears under the token's folder; the folder is deleted again, so only history holds it.
  ASSERT_EQ(fx.Commit("notes/config", "host = build.example.invalid\n", false).exit_code, 0);
  ASSERT_EQ(fx.Commit(kFolder + "/config", "host = build.example.invalid\n", false).exit_code, 0);
  std::string added = Rev("HEAD", fx.work);
  while (!added.empty() && added.back() == '\n') added.pop_back();
  ASSERT_EQ(Git({"rm", "-q", "-r", "keys"}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "drop keys"}, fx.work).exit_code, 0);

  RunResult r = testing::Cohortguard({"scan", "--history", "--format", "json", "."}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_FALSE(Has(r.out + r.err, kToken)) << r.out << r.err;
  EXPECT_FALSE(Has(r.out + r.err, std::string(kToken).substr(4, 12))) << r.out << r.err;
  auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["findings"].size(), 1u) << report.dump(2);
  const auto& f = report["findings"][0];
  EXPECT_EQ(f["rule"], "secrets.github-token") << f.dump();
  EXPECT_EQ(f["commit"], added) << "attributed to the commit that added the folder: " << f.dump();
  EXPECT_EQ(f["path"].get<std::string>().rfind("keys/ghp_", 0), 0u) << f.dump();
  EXPECT_TRUE(Has(f["message"].get<std::string>(), "folder name")) << f.dump();

  // The same token as a file name (and a folder name nobody would call secret: nothing).
  PushFixture file;
  ASSERT_EQ(file.Commit(std::string("deploy/") + kToken, "retries = 3\n", false).exit_code, 0);
  r = testing::Cohortguard({"scan", "--history", "--format", "json", "."}, file.work);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["findings"].size(), 1u) << report.dump(2);
  EXPECT_TRUE(Has(report["findings"][0]["message"].get<std::string>(), "file name")) << report.dump(2);
  EXPECT_FALSE(Has(r.out, kToken)) << r.out;
}

TEST(PathSecrets, AdviceForAMaskedPathRunsAsPrintedAndNeverPrintsTheSecret) {
  PushFixture fx;
  RunResult r = fx.Commit(kFolder + "/config", "host = build.example.invalid\n");
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(Has(r.err, kToken)) << r.err;
  // The pathspec printed for `git restore --staged` unstages the real folder.
  const std::string pathspec = WordAfter(r.err, "git restore --staged -- ");
  ASSERT_FALSE(pathspec.empty()) << r.err;
  EXPECT_FALSE(Has(pathspec, std::string(kToken).substr(4, 6))) << pathspec;
  ASSERT_EQ(Git({"diff", "--cached", "--name-only"}, fx.work).out, kFolder + "/config\n");
  RunResult run = testing::Run({"sh", "-c", "git restore --staged -- " + pathspec}, fx.work);
  EXPECT_EQ(run.exit_code, 0) << pathspec << ": " << run.err;
  EXPECT_EQ(Git({"diff", "--cached", "--name-only"}, fx.work).out, "") << "unstaged by the advice as printed";
  // The name is the leak: the advice is a new name, not untracking or ignoring a file that keeps it.
  EXPECT_TRUE(Has(r.err, "rename it so no file or folder name holds the credential")) << r.err;
  EXPECT_TRUE(Has(r.err, "its name holds a secret:            rename the folder or file")) << r.err;
  EXPECT_FALSE(Has(r.err, "git rm --cached")) << r.err;
  EXPECT_FALSE(Has(r.err, ".gitignore")) << r.err;
  EXPECT_FALSE(Has(r.err, "read the credential from an environment variable")) << r.err;
  // What `git ls-files` (named in the advice) lists with it, once it is tracked, is the folder's file.
  EXPECT_TRUE(Has(r.err, "git ls-files -- " + pathspec)) << r.err;
  Git({"add", kFolder + "/config"}, fx.work);
  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "keys"}, fx.work).exit_code, 0);
  EXPECT_EQ(testing::Run({"sh", "-c", "git ls-files -- " + pathspec}, fx.work).out, kFolder + "/config\n");
  EXPECT_EQ(testing::Run({"sh", "-c", "git rm -q --cached -n -- " + pathspec}, fx.work).exit_code, 0);

  // In the worktree (scan .): rotate and rename. A token in the content of a file under that
  // folder is a secret like any other: its advice is to stop tracking the file.
  fx.Write(kFolder + "/settings.py", std::string("GITHUB_TOKEN = '") + kToken + "'\n");
  r = testing::Cohortguard({"scan", "."}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_FALSE(Has(r.out + r.err, kToken)) << r.out;
  const size_t settings = r.out.find("/settings.py");
  ASSERT_NE(settings, std::string::npos) << r.out;
  const std::string folder_part = r.out.substr(0, settings), settings_part = r.out.substr(settings);
  EXPECT_TRUE(Has(folder_part, "rename it so no file or folder name holds the credential")) << r.out;
  EXPECT_TRUE(Has(folder_part, "renaming it does not make it secret again")) << r.out;
  EXPECT_FALSE(Has(folder_part, "git rm --cached")) << r.out;
  EXPECT_TRUE(Has(settings_part, "stop tracking the file: git rm --cached -- 'keys/ghp_*/settings.py'")) << r.out;
  EXPECT_FALSE(Has(settings_part, "rename it")) << r.out;
  ASSERT_TRUE(std::filesystem::remove(fx.work + "/" + kFolder + "/settings.py"));

  // In history (a scan of pushed commits) the rewrite takes a glob filter-repo can run.
  r = testing::Cohortguard({"scan", "--range", "HEAD", "."}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_FALSE(Has(r.out + r.err, kToken)) << r.out;
  EXPECT_TRUE(Has(r.out, "git filter-repo --invert-paths --path-glob " + pathspec)) << r.out;
  EXPECT_TRUE(Has(r.out, "and commit the rename, then purge the old name from every commit")) << r.out;
  const std::string listing = "git log --all --format= --name-only -- " + pathspec;
  EXPECT_TRUE(Has(r.out, listing)) << r.out;
  EXPECT_EQ(testing::Run({"sh", "-c", listing + " | sort -u"}, fx.work).out, kFolder + "/config\n");
}

}  // namespace
}  // namespace cg
