// Leak attribution end to end: `idset build`, then `scan`/`sweep --idset`.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::TempDir;

// The eids of a generated extract (first column after the header), as a custodian would hold them.
std::vector<std::string> Eids(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) out.push_back(line.substr(0, line.find(',')));
  return out;
}

std::string Lines(const std::vector<std::string>& ids, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < ids.size(); ++i) out += ids[i] + "\n";
  return out;
}

class IdsetCli : public ::testing::Test {
 protected:
  void SetUp() override {
    extract_ = testing::UkbExtract(1200, 3, 5);
    eids_ = Eids(extract_);
    ASSERT_EQ(eids_.size(), 1200u);
    dir_.Write("repo/data/ukb_extract.csv", extract_);
    dir_.Write("key", "b7c1d0e4f5a6978812ab34cd56ef7890\n");
    dir_.Write("other.key", "00000000000000001111111111111111\n");
  }
  std::string Build(const std::string& label, const std::string& ids, const std::string& key = "key") {
    dir_.Write(label + ".txt", ids);
    auto r = Cohortguard({"idset", "build", "--ids", label + ".txt", "--key-file", key, "--label", label, "-o",
                          label + ".cgid"}, dir_.str());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return label + ".cgid";
  }
  json Scan(const std::vector<std::string>& extra, int* code) {
    std::vector<std::string> args{"scan", "repo", "--format", "json", "--explain"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = Cohortguard(args, dir_.str());
    *code = r.exit_code;
    err_ = r.err;
    return r.out.empty() ? json() : json::parse(r.out);
  }
  TempDir dir_;
  std::string extract_, err_;
  std::vector<std::string> eids_;
};

TEST_F(IdsetCli, KnownSetIsNamedWithExactDistinctCountsOverEveryRow) {
  // APP1 holds 1,000 of the 1,200 leaked eids plus 500 others; APP2 holds 300 of them.
  std::string app1 = Lines(eids_, 0, 1000);
  for (int i = 0; i < 500; ++i) app1 += std::to_string(9000000 + i) + "\n";
  const std::string a = Build("APP1", app1), b = Build("APP2", Lines(eids_, 900, 1200));
  int code;
  json j = Scan({"--idset", a, "--idset", b, "--idset-key", "key"}, &code);
  EXPECT_EQ(code, 1) << err_;
  ASSERT_EQ(j["findings"].size(), 1u) << j.dump(2);
  const std::string msg = j["findings"][0]["message"];
  EXPECT_NE(msg.find("matched 1,000 of 1,500 ids of APP1"), std::string::npos) << msg;
  EXPECT_NE(msg.find("matched 300 of 300 ids of APP2"), std::string::npos) << msg;
  EXPECT_EQ(j["findings"][0]["severity"], "high");
  // Never an id in the report.
  const std::string text = j.dump();
  for (size_t i = 0; i < eids_.size(); i += 97) EXPECT_EQ(text.find(eids_[i]), std::string::npos) << i;
}

TEST_F(IdsetCli, DisjointSetAddsNothing) {
  std::string other;
  for (int i = 0; i < 800; ++i) other += std::to_string(8000000 + i) + "\n";
  const std::string d = Build("APP9", other);
  int code;
  json j = Scan({"--idset", d, "--idset-key", "key"}, &code);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["message"].get<std::string>().find("matched"), std::string::npos);
  for (const auto& e : j["findings"][0]["evidence"]) EXPECT_NE(e["rule"], "idset:APP9");
}

TEST_F(IdsetCli, WrongKeyIsAUsageErrorNotASilentMiss) {
  const std::string a = Build("APP1", Lines(eids_, 0, 100));
  int code;
  Scan({"--idset", a, "--idset-key", "other.key"}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err_.find("APP1.cgid"), std::string::npos) << err_;
  EXPECT_NE(err_.find("different key"), std::string::npos) << err_;
}

TEST_F(IdsetCli, BuildRefusesShortKeysAndEmptyLists) {
  dir_.Write("short.key", "abc\n");
  dir_.Write("empty.txt", "\n\n");
  auto r = Cohortguard({"idset", "build", "--ids", "empty.txt", "--key-file", "short.key", "--label", "X", "-o", "x"},
                       dir_.str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("short.key"), std::string::npos) << r.err;
  r = Cohortguard({"idset", "build", "--ids", "empty.txt", "--key-file", "key", "--label", "X", "-o", "x"}, dir_.str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no ids"), std::string::npos) << r.err;
  auto info = Cohortguard({"idset", "info", Build("APP3", Lines(eids_, 0, 42))}, dir_.str());
  EXPECT_EQ(info.out, "label: APP3\nids: 42\n");
}

TEST_F(IdsetCli, SweepNamesTheSetInEveryRepositoryHoldingTheLeak) {
  testing::MirrorFarm farm;
  // The farm's extract is UkbExtract(200, 3, 1).
  const std::string a = Build("APP7", Lines(Eids(testing::UkbExtract(200, 3, 1)), 0, 150));
  auto r = Cohortguard({"sweep", farm.Mirrors(), "--format", "jsonl", "--idset", dir_.str() + "/" + a, "--idset-key",
                        dir_.str() + "/key"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::istringstream in(r.out);
  int n = 0;
  for (std::string line; std::getline(in, line); ++n)
    EXPECT_NE(json::parse(line)["message"].get<std::string>().find("matched 150 of 150 ids of APP7"), std::string::npos)
        << line;
  EXPECT_EQ(n, 2);
}

}  // namespace
}  // namespace cg
