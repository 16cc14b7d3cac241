// At-least-once delivery of sweep alerts: a sweep killed at any write or commit point, then run
// again, has reported every finding an uninterrupted sweep reports (the union of the reports the
// runs wrote), and nothing that a durably written report already held is reported again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/test_support.h"
#include "sweep/sweep_state.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::DumpState;
using testing::MirrorFarm;
using testing::Slurp;

// "repository/path rule commit line" of every finding in a report file (absent: none).
std::multiset<std::string> Reported(const std::string& format, const std::string& path) {
  std::multiset<std::string> out;
  if (!std::filesystem::exists(path)) return out;
  const std::string text = Slurp(path);
  auto key = [](const std::string& where, const json& rule, const json& commit, const json& line) {
    return where + " " + rule.get<std::string>() + " " + commit.get<std::string>() + " " +
           (line.is_null() ? std::string("-") : std::to_string(line.get<int64_t>()));
  };
  if (format == "jsonl") {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
      json f = json::parse(l);  // a half-written line would throw: the appender never leaves one
      out.insert(key(f["repository"].get<std::string>() + "/" + f["path"].get<std::string>(), f["rule"], f["commit"],
                     f.value("line", json())));
    }
  } else if (format == "json") {
    const json doc = json::parse(text);
    for (const json& f : doc["findings"])
      out.insert(key(f["repository"].get<std::string>() + "/" + f["path"].get<std::string>(), f["rule"], f["commit"],
                     f.value("line", json())));
  } else {
    const json doc = json::parse(text);
    for (const json& r : doc["runs"][0]["results"]) {
      const json& loc = r["locations"][0]["physicalLocation"];
      json line = loc.contains("region") ? loc["region"]["startLine"] : json();
      out.insert(key(loc["artifactLocation"]["uri"].get<std::string>(), r["ruleId"], r["properties"]["commit"], line));
    }
  }
  return out;
}

// The mirror farm with leaks in five repositories (alpha's extract is in alpha and its fork).
class LeakyFarm : public MirrorFarm {
 public:
  LeakyFarm() {
    Commit("beta", {{"data/cohort.csv", testing::UkbExtract(150, 3, 7)}}, "org/beta.git");
    Commit("gamma", {{"config/settings.py", "GITHUB_TOKEN = 'ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh'\n"}},
           "org/gamma.git");
    Commit("delta", {{"cohort/ukb.tsv", testing::UkbExtract(120, 4, 9, '\t')}}, "org/delta.git");
  }
};

struct SweepRun {
  int exit_code;
  std::string err;
};

SweepRun Sweep(const LeakyFarm& farm, const std::string& state, const std::string& format, const std::string& out,
          const std::string& fault = "") {
  std::vector<std::string> argv{"env"};
  if (!fault.empty()) argv.push_back("COHORTGUARD_SWEEP_FAULT=" + fault);
  for (const std::string& a : {std::string(COHORTGUARD_BINARY), std::string("sweep"), farm.Mirrors(),
                               std::string("--state"), state, std::string("--format"), format, std::string("-o"), out,
                               std::string("--batch"), std::string("3"), std::string("--threads"), std::string("1")})
    argv.push_back(a);
  auto r = testing::Run(argv);
  return {r.exit_code, r.err};
}

std::string Ext(const std::string& format) { return format == "sarif" ? "sarif.json" : format; }

TEST(SweepDelivery, KilledAtEveryWriteAndCommitPointEveryFindingIsReportedAndNoneTwiceOnceDelivered) {
  LeakyFarm farm;
  const std::string dir = farm.dir().str();
  for (const std::string format : {"json", "jsonl", "sarif"}) {
    const std::string clean_out = dir + "/clean." + Ext(format);
    SweepRun clean = Sweep(farm, dir + "/clean-" + format + ".sqlite", format, clean_out);
    ASSERT_EQ(clean.exit_code, 1) << format << ": " << clean.err;
    const std::multiset<std::string> want = Reported(format, clean_out);
    ASSERT_EQ(want.size(), 5u) << format << ": one leak in each of five repositories: " << clean.err;
    ASSERT_EQ(std::set<std::string>(want.begin(), want.end()).size(), want.size());
    const std::string want_state = DumpState(dir + "/clean-" + format + ".sqlite");
    ASSERT_EQ(want_state.find("delivered=0"), std::string::npos) << "an uninterrupted sweep delivers everything";

    // Whole-report formats deliver once at the end; jsonl once per repository with findings.
    std::vector<std::string> faults{"mid-batch:1",         "batch-commit:1",    "batch-commit:3",
                                    "repository:2",        "repository-commit:1", "repository-commit:5",
                                    "report-write:1",      "report-durable:1",  "delivered:1"};
    if (format == "jsonl")
      for (const char* f : {"report-write:3", "report-durable:2", "delivered:4"}) faults.push_back(f);
    for (const std::string& fault : faults) {
      SCOPED_TRACE(format + " killed at " + fault);
      const std::string name = dir + "/" + format + "-" + fault.substr(0, fault.find(':')) + fault.substr(fault.find(':') + 1);
      const std::string state = name + ".sqlite";
      SweepRun killed = Sweep(farm, state, format, name + "-1." + Ext(format), fault);
      ASSERT_EQ(killed.exit_code, 128 + 9) << "the fault must fire: " << killed.err;
      SweepRun rerun = Sweep(farm, state, format, name + "-2." + Ext(format));
      EXPECT_TRUE(rerun.exit_code == 0 || rerun.exit_code == 1) << rerun.err;
      SweepRun again = Sweep(farm, state, format, name + "-3." + Ext(format));
      EXPECT_EQ(again.exit_code, 0) << again.err;

      const auto first = Reported(format, name + "-1." + Ext(format));
      const auto second = Reported(format, name + "-2." + Ext(format));
      EXPECT_TRUE(Reported(format, name + "-3." + Ext(format)).empty()) << "everything was delivered already";
      std::set<std::string> got(first.begin(), first.end());
      got.insert(second.begin(), second.end());
      EXPECT_EQ(got, std::set<std::string>(want.begin(), want.end())) << "union of the reports == one uninterrupted run";
      std::multiset<std::string> twice;
      for (const auto& k : second)
        if (first.count(k)) twice.insert(k);
      if (fault.rfind("report-durable", 0) == 0) {
        // Written and on disk, killed before the state heard of it: at least once means again.
        EXPECT_FALSE(twice.empty()) << "the rerun must report what the killed run wrote but never marked delivered";
      } else {
        EXPECT_TRUE(twice.empty()) << "reported again after delivery: " << *twice.begin();
      }
      if (format != "jsonl") {
        EXPECT_TRUE(first.empty() || fault.rfind("report-durable", 0) == 0 || fault.rfind("delivered", 0) == 0)
            << "a whole report appears only once it is complete";
      }
      EXPECT_EQ(DumpState(state), want_state) << "the rerun ends where an uninterrupted sweep ends";
    }
  }
}

// The same with the kernel's view of a write: strace kills the sweep at its n-th write, pwrite64
// (SQLite's), fsync, fdatasync or rename system call (report, state database and its WAL alike),
// for every 7th n (every one takes minutes) until a run gets through.
TEST(SweepDelivery, KilledAtEveryWriteSyscallUnderStraceNothingIsLost) {
  if (testing::Run({"strace", "-o", "/dev/null", "true"}).exit_code != 0) GTEST_SKIP() << "strace cannot trace here";
  LeakyFarm farm;
  const std::string dir = farm.dir().str();
  for (const std::string format : {"json", "jsonl"}) {
    Sweep(farm, dir + "/clean-" + format + ".sqlite", format, dir + "/clean." + format);
    const auto want = Reported(format, dir + "/clean." + format);
    ASSERT_EQ(want.size(), 5u);
    int n = 1, tried = 0;
    for (;; n += 7, ++tried) {
      SCOPED_TRACE(format + ": killed at system call " + std::to_string(n));
      const std::string name = dir + "/strace-" + format + "-" + std::to_string(n);
      auto killed = testing::Run({"strace", "-f", "-o", "/dev/null", "-e", "trace=write,pwrite64,fsync,fdatasync,rename",
                                  "-e", "inject=write,pwrite64,fsync,fdatasync,rename:signal=KILL:when=" + std::to_string(n),
                                  COHORTGUARD_BINARY, "sweep", farm.Mirrors(), "--state", name + ".sqlite", "--format",
                                  format, "-o", name + "-1." + format, "--threads", "1", "--batch", "3"});
      if (killed.exit_code == 0 || killed.exit_code == 1) break;  // got through: every point was tried
      ASSERT_EQ(killed.exit_code, 128 + 9) << killed.err;
      SweepRun rerun = Sweep(farm, name + ".sqlite", format, name + "-2." + format);
      ASSERT_TRUE(rerun.exit_code == 0 || rerun.exit_code == 1) << rerun.err;
      auto got = Reported(format, name + "-1." + format);
      const auto second = Reported(format, name + "-2." + format);
      got.insert(second.begin(), second.end());
      EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), std::set<std::string>(want.begin(), want.end()));
      ASSERT_LT(n, 5000) << "the sweep never got through";
    }
    EXPECT_GT(tried, 20) << format << ": too few write points to mean anything";
  }
}

TEST(SweepDelivery, ARecordedButUndeliveredFindingIsReportedByTheNextSweepAndNamedAsSuch) {
  LeakyFarm farm;
  const std::string dir = farm.dir().str();
  const std::string state = dir + "/s.sqlite";
  // Killed right after the first repository's findings are committed, before any report.
  SweepRun killed = Sweep(farm, state, "json", dir + "/1.json", "repository-commit:1");
  ASSERT_EQ(killed.exit_code, 128 + 9) << killed.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/1.json"));
  SweepRun rerun = Sweep(farm, state, "json", dir + "/2.json");
  EXPECT_EQ(rerun.exit_code, 1) << rerun.err;
  EXPECT_NE(rerun.err.find("1 findings recorded by an interrupted earlier sweep and never delivered"), std::string::npos)
      << rerun.err;
  EXPECT_EQ(Reported("json", dir + "/2.json").size(), 5u);
}

TEST(SweepDelivery, AReportThatCannotBeWrittenLeavesItsFindingsUndeliveredAndExitsThree) {
  LeakyFarm farm;
  const std::string dir = farm.dir().str();
  const std::string state = dir + "/s.sqlite";
  // The target is a folder: the rename over it fails after the sweep has recorded everything.
  std::filesystem::create_directories(dir + "/report.json/occupied");
  SweepRun failed = Sweep(farm, state, "json", dir + "/report.json");
  EXPECT_EQ(failed.exit_code, 3) << failed.err;
  EXPECT_NE(failed.err.find("stay undelivered"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find(dir + "/report.json"), std::string::npos) << failed.err;
  SweepRun rerun = Sweep(farm, state, "json", dir + "/ok.json");
  EXPECT_EQ(rerun.exit_code, 1) << rerun.err;
  EXPECT_EQ(Reported("json", dir + "/ok.json").size(), 5u);
}

}  // namespace
}  // namespace cg
