// SPDX-License-Identifier: Apache-2.0
// The GitHub Action (action.yml at the repository root, its scripts in packaging/github-action/)
// and the example workflow users copy (examples/github/cohortguard.yml): checked against GitHub's
// metadata and workflow schemas by action-validator (npm, installed by scripts/test), and the
// action's scan step run for real on a temporary repository.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace cg {
namespace {

namespace fs = std::filesystem;
using testing::Git;

using testing::RunResult;
using testing::TempDir;

const std::string kSource = COHORTGUARD_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string InstallActionValidator() {
  auto r = testing::Run({kSource + "/scripts/install-npm-tool", "@action-validator/cli@0.6.0", ".bin/action-validator",
                (fs::path(COHORTGUARD_BINARY).parent_path() / "node_tools").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out.substr(0, r.out.find('\n'));
}

TEST(GithubAction, MetadataAndExampleWorkflowPassActionValidator) {
  const std::string validator = InstallActionValidator();
  ASSERT_FALSE(validator.empty());
  for (const char* file : {"action.yml", "examples/github/cohortguard.yml"}) {
    RunResult r = testing::Run({validator, kSource + "/" + file});
    EXPECT_EQ(r.exit_code, 0) << file << "\n" << r.out << r.err;
  }
  // The validator can fail: a composite action with a misspelt key and no description.
  TempDir dir;
  auto bad = dir.Write("action.yml", "name: x\nruns:\n  using: composite\n  stepz: []\n");
  RunResult r = testing::Run({validator, bad.string()});
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE((r.out + r.err).find("stepz"), std::string::npos) << r.out << r.err;
}

TEST(GithubAction, EveryInputReachesAStepAndTheDocumentedOnesExist) {
  YAML::Node action = YAML::LoadFile(kSource + "/action.yml");
  EXPECT_EQ(action["runs"]["using"].as<std::string>(), "composite") << "a released binary, not a compile per job";
  std::string steps = ReadFile(kSource + "/action.yml");
  steps = steps.substr(steps.find("\nruns:"));
  for (const char* name : {"mode", "fail-on", "format", "output", "path", "range", "args", "version"})
    EXPECT_TRUE(action["inputs"][name]) << name;
  for (const auto& input : action["inputs"]) {
    std::string name = input.first.as<std::string>();
    EXPECT_NE(steps.find("inputs." + name + " }}"), std::string::npos) << name << " is declared but never used";
  }
  for (const auto& step : action["runs"]["steps"]) {
    std::string run = step["run"].as<std::string>();
    auto start = run.find("$GITHUB_ACTION_PATH/") + 20;
    std::string script = run.substr(start, run.find('"', start) - start);
    EXPECT_TRUE(fs::exists(kSource + "/" + script)) << script;
  }
}

TEST(GithubAction, ExampleChecksOutHistoryAndUploadsSarifEvenWhenTheScanFails) {
  YAML::Node wf = YAML::LoadFile(kSource + "/examples/github/cohortguard.yml");
  EXPECT_EQ(wf["permissions"]["security-events"].as<std::string>(), "write");
  YAML::Node steps = wf["jobs"]["cohortguard"]["steps"];
  ASSERT_TRUE(steps.IsSequence());
  bool checkout = false, scan = false, upload = false;
  std::string report;
  for (const auto& s : steps) {
    std::string uses = s["uses"] ? s["uses"].as<std::string>() : "";
    if (uses.rfind("actions/checkout@", 0) == 0) checkout = s["with"]["fetch-depth"].as<int>() == 0;
    if (uses.rfind("cohortguard/cohortguard@", 0) == 0) {
      scan = s["with"]["format"].as<std::string>() == "sarif";
      report = s["with"]["output"].as<std::string>();
    }
    if (uses.rfind("github/codeql-action/upload-sarif@", 0) == 0)
      upload = s["if"].as<std::string>() == "always()" && s["with"]["sarif_file"].as<std::string>() == report;
  }
  EXPECT_TRUE(checkout) << "actions/checkout with fetch-depth: 0";
  EXPECT_TRUE(scan) << "the cohortguard step writes SARIF";
  EXPECT_TRUE(upload) << "upload-sarif after the scan, with if: always(), of the scan's output";
}

// The install step with the portable tarball this build makes (scripts/build-tarball; what the
// step downloads from the release): it unpacks it, names its bin folder in GITHUB_PATH, and the
// cohortguard found there runs.
TEST(GithubAction, InstallStepPutsTheReleasedTarballOnThePath) {
  TempDir dir;
  RunResult built = testing::Run({kSource + "/scripts/build-tarball", fs::path(COHORTGUARD_BINARY).parent_path().string(),
                                  dir.str() + "/dist"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  std::string tarball = built.out.substr(0, built.out.find('\n'));
  fs::create_directories(dir.path() / "runner-temp");
  RunResult r = testing::Run({"env", "CG_TARBALL=" + tarball, "RUNNER_TEMP=" + dir.str() + "/runner-temp",
                              "GITHUB_PATH=" + dir.str() + "/github_path", kSource + "/packaging/github-action/install"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string bin = ReadFile(dir.str() + "/github_path");
  ASSERT_FALSE(bin.empty());
  bin.pop_back();
  EXPECT_EQ(bin.rfind(dir.str() + "/runner-temp/", 0), 0u) << bin;
  RunResult v = testing::Run({bin + "/cohortguard", "version"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, testing::Cohortguard({"version"}).out);
  EXPECT_NE(r.out.find(v.out), std::string::npos) << "the step prints the version it installed: " << r.out;
}

// Every place a user copies a release reference from names this version: the example workflow's
// `uses:`, the README's `rev:` and the container hooks' image tag.
TEST(ReleaseReferences, NameTheProjectVersion) {
  std::string version = testing::Cohortguard({"version"}).out;
  version = version.substr(version.find(' ') + 1);
  version.pop_back();
  EXPECT_NE(ReadFile(kSource + "/examples/github/cohortguard.yml").find("cohortguard/cohortguard@v" + version + "\n"),
            std::string::npos);
  EXPECT_NE(ReadFile(kSource + "/README.md").find("rev: v" + version + "\n"), std::string::npos);
  std::string hooks = ReadFile(kSource + "/.pre-commit-hooks.yaml");
  for (size_t at = hooks.find("cohortguard/cohortguard:"); at != std::string::npos; at = hooks.find("cohortguard/cohortguard:", at + 1))
    EXPECT_EQ(hooks.substr(at, 24 + version.size() + 1), "cohortguard/cohortguard:" + version + " ");
}

class ActionScanStep : public ::testing::Test {
 protected:
  void SetUp() override {
    base = testing::StudyRepoWithExtractInHistory(dir);
    ASSERT_EQ(base.size(), 40u);
  }
  std::string repo() const { return dir.str() + "/repo"; }
  std::string Head() {
    std::string h = Git({"rev-parse", "HEAD"}, repo()).out;
    return h.substr(0, h.size() - 1);
  }
  RunResult Step(std::vector<std::string> env) {
    std::string path = fs::path(COHORTGUARD_BINARY).parent_path().string() + ":" + std::getenv("PATH");
    std::vector<std::string> argv = {"env", "PATH=" + path, "GITHUB_OUTPUT=" + dir.str() + "/github_output",
                                     "CG_OUTPUT=" + dir.str() + "/report.sarif"};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.push_back(kSource + "/packaging/github-action/scan");
    fs::remove(dir.str() + "/github_output");
    fs::remove(dir.str() + "/report.sarif");
    return testing::Run(argv, repo());
  }
  TempDir dir;
  std::string base;
};

TEST_F(ActionScanStep, ScanModeSeesTheWorkTreeOnlyAndPassesWithItsOutputs) {
  RunResult r = Step({"CG_MODE=scan"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(ReadFile(dir.str() + "/report.sarif").find("\"version\": \"2.1.0\""), std::string::npos);
  std::string outputs = ReadFile(dir.str() + "/github_output");
  EXPECT_NE(outputs.find("exit-code=0\n"), std::string::npos) << outputs;
  EXPECT_NE(outputs.find("report=" + dir.str() + "/report.sarif\n"), std::string::npos) << outputs;
}

TEST_F(ActionScanStep, PushRangeFindsTheCommittedExtractFailsAndStillWritesTheReport) {
  RunResult r = Step({"CG_MODE=range", "CG_PUSH_BEFORE=" + base, "CG_PUSH_AFTER=" + Head()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("::error::cohortguard found"), std::string::npos) << r.out;
  EXPECT_NE(ReadFile(dir.str() + "/report.sarif").find("ukbiobank.main-dataset"), std::string::npos);
  EXPECT_NE(ReadFile(dir.str() + "/github_output").find("exit-code=1\n"), std::string::npos);
  // The same range as a pull request's base..head, and fail-on never.
  r = Step({"CG_MODE=range", "CG_PR_BASE=" + base, "CG_PR_HEAD=" + Head(), "CG_FAIL_ON=never"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(ReadFile(dir.str() + "/report.sarif").find("ukbiobank.main-dataset"), std::string::npos);
}

TEST_F(ActionScanStep, NewBranchScansHistoryAndAnUnknownModeIsAUsageError) {
  RunResult r = Step({"CG_MODE=range", "CG_PUSH_BEFORE=0000000000000000000000000000000000000000"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("scanning the whole history"), std::string::npos) << r.out;
  r = Step({"CG_MODE=history", "CG_FORMAT=json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(ReadFile(dir.str() + "/report.sarif").find("ukbiobank.main-dataset"), std::string::npos);
  r = Step({"CG_MODE=everything"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("mode must be scan, history or range"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cg
