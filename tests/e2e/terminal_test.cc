// On a terminal (a pty made by util-linux `script`) the text report is coloured and a progress
// line is drawn on stderr; in a pipe neither appears. NO_COLOR, --color and --no-progress
// behave as documented.
#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace cg {
namespace {

using testing::TempDir;

// Runs the binary with `args` under a pty; returns everything the terminal received.
// The environment is fixed so the user's NO_COLOR or CI cannot change the outcome.
testing::RunResult OnTerminal(const std::string& args, const std::string& cwd, const std::string& env = "") {
  std::string cmd = std::string(COHORTGUARD_BINARY) + " " + args;
  return testing::Run({"env", "-u", "NO_COLOR", "-u", "CI", "TERM=xterm", "COHORTGUARD_PROGRESS_DELAY_MS=0", "sh", "-c",
                       env + " exec script -qec '" + cmd + "' /dev/null"},
                      cwd);
}

testing::RunResult InPipe(const std::vector<std::string>& args, const std::string& cwd) {
  std::vector<std::string> argv{"env", "-u", "NO_COLOR", "-u", "CI", "TERM=xterm", "COHORTGUARD_PROGRESS_DELAY_MS=0",
                                COHORTGUARD_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::Run(argv, cwd);
}

class Terminal : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("data/ukb12345.csv", testing::UkbExtract(400, 3));
    for (int i = 0; i < 40; ++i) dir_.Write("src/m" + std::to_string(i) + ".py", "print(" + std::to_string(i) + ")\n");
  }
  TempDir dir_;
};

constexpr const char* kProgress = " items, ";  // "cohortguard: 3/41 items, 1.2 KiB/..."

TEST_F(Terminal, ColourAndProgressOnATerminal) {
  auto r = OnTerminal("scan .", dir_.str());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("\033[1;31mHIGH"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(kProgress), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/41 items"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\r\033[K"), std::string::npos) << "the progress line is cleared before the report";
}

TEST_F(Terminal, NeitherColourNorProgressInAPipe) {
  auto r = InPipe({"scan", "."}, dir_.str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find('\033'), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find(kProgress), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\033'), std::string::npos) << r.err;
}

TEST_F(Terminal, NoColorAndNoProgressAndCiAreHonoured) {
  auto no_color = OnTerminal("scan .", dir_.str(), "NO_COLOR=1");
  EXPECT_EQ(no_color.out.find("\033[1;31m"), std::string::npos) << no_color.out;
  EXPECT_NE(no_color.out.find(kProgress), std::string::npos) << "NO_COLOR is about colour, not progress";

  auto no_progress = OnTerminal("scan --no-progress .", dir_.str());
  EXPECT_EQ(no_progress.out.find(kProgress), std::string::npos) << no_progress.out;
  EXPECT_NE(no_progress.out.find("\033[1;31mHIGH"), std::string::npos);

  auto ci = OnTerminal("scan --color=never .", dir_.str(), "CI=true");
  EXPECT_EQ(ci.out.find(kProgress), std::string::npos) << ci.out;
  EXPECT_EQ(ci.out.find("\033[1;31m"), std::string::npos) << ci.out;
}

}  // namespace
}  // namespace cg
