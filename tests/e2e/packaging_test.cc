// The man page and completions under packaging/ are generated from the option tables; they
// must match what the binary generates now, and must work.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace cg {
namespace {

using testing::Cohortguard;

std::string Read(const std::string& relative) {
  std::ifstream in(std::string(COHORTGUARD_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(PackagingFiles, AreCurrent) {
  struct Case {
    std::vector<std::string> args;
    const char* file;
  } cases[] = {{{"help", "--man"}, "packaging/cohortguard.1"},
               {{"help", "--completion", "bash"}, "packaging/completions/cohortguard.bash"},
               {{"help", "--completion", "zsh"}, "packaging/completions/_cohortguard"}};
  for (const auto& c : cases) {
    auto r = Cohortguard(c.args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, Read(c.file)) << c.file << " is stale: run scripts/generate-packaging";
  }
}

TEST(PackagingFiles, ManPageAndHelpNameEveryScanOption) {
  auto help = Cohortguard({"scan", "--help"});
  std::string man = Read("packaging/cohortguard.1");
  std::string bash = Read("packaging/completions/cohortguard.bash");
  for (const char* opt : {"format", "output", "rules", "fail-on", "threads", "explain", "color", "no-progress"}) {
    EXPECT_NE(help.out.find(std::string("--") + opt), std::string::npos) << opt;
    std::string roff;
    for (char ch : std::string(opt)) roff += ch == '-' ? std::string("\\-") : std::string(1, ch);
    EXPECT_NE(man.find("\\-\\-" + roff), std::string::npos) << opt;
    EXPECT_NE(bash.find(std::string("--") + opt), std::string::npos) << opt;
  }
  EXPECT_NE(bash.find("text json jsonl sarif junit"), std::string::npos) << "--format values complete";
}

TEST(PackagingFiles, BashCompletionCompletesCommandsAndFormatValues) {
  auto complete = [](const std::string& line) {
    std::string script = ". " + std::string(COHORTGUARD_SOURCE_DIR) +
                         "/packaging/completions/cohortguard.bash; COMP_WORDS=(" + line +
                         "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _cohortguard; echo \"${COMPREPLY[*]}\"";
    return testing::Run({"bash", "-c", script}).out;
  };
  EXPECT_EQ(complete("cohortguard sc"), "scan\n");
  EXPECT_EQ(complete("cohortguard scan --format s"), "sarif\n");
  EXPECT_EQ(complete("cohortguard scan --fail-on n"), "never\n");
  EXPECT_EQ(complete("cohortguard rules v"), "validate\n");
}

TEST(PackagingFiles, ManPageRendersWithoutWarnings) {
  auto r = testing::Run({"sh", "-c", "command -v groff >/dev/null || exit 77; groff -man -Tutf8 -ww -z " +
                                         std::string(COHORTGUARD_SOURCE_DIR) + "/packaging/cohortguard.1"});
  if (r.exit_code == 77) GTEST_SKIP() << "groff is not installed";
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
}

TEST(HelpCli, EveryCommandHasHelpAndUnknownHelpTopicIsAUsageError) {
  for (const char* cmd : {"scan", "rules", "version", "help"}) {
    auto r = Cohortguard({"help", cmd});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_EQ(r.out.rfind("usage: cohortguard", 0), 0u) << r.out;
  }
  EXPECT_EQ(Cohortguard({"scan", "--help"}).out, Cohortguard({"help", "scan"}).out);
  EXPECT_EQ(Cohortguard({"help", "frobnicate"}).exit_code, 2);
  EXPECT_EQ(Cohortguard({"help", "--completion", "fish"}).exit_code, 2);
  EXPECT_NE(Cohortguard({"--help"}).out.find("jsonl"), std::string::npos) << "formats listed";
}

}  // namespace
}  // namespace cg
