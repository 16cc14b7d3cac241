// Whole-program tests of the custodian report: a sweep's findings carry who committed them,
// when, and a permalink; `report merge --custodian-csv/--custodian-html` summarise them without
// any cell value, column name or credential.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::MirrorFarm;
using testing::MustGit;
using testing::Slurp;

constexpr const char* kToken = "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

struct CustodianFarm {
  CustodianFarm() {
    // alpha's origin is a GitHub-style URL with a token in it (as a careless clone leaves it).
    MustGit({"config", "remote.origin.url", std::string("https://x-access-token:") + kToken +
                                                "@github.example.invalid/lab/alpha.git"},
            farm.Mirrors() + "/org/alpha.git");
    // The fork's web address as `sweep mirror` records it.
    MustGit({"config", "cohortguard.url", "https://github.example.invalid/someone/alpha-fork"},
            farm.Mirrors() + "/forks/alpha-fork.git");
    // beta: a researcher commits an extract, then deletes it: only in history.
    const std::string wt = (farm.dir().path() / "work/beta").string();
    cohort = testing::UkbExtract(150, 3, 7);
    farm.dir().Write("work/beta/data/my cohort.csv", cohort);
    MustGit({"add", "-A"}, wt);
    MustGit({"commit", "-q", "-m", "cohort", "--author", "Dr Re Searcher <r.searcher@uni.example.invalid>",
             "--date", "2024-03-05T10:00:00Z"},
            wt);
    MustGit({"rm", "-q", "data/my cohort.csv"}, wt);
    MustGit({"commit", "-q", "-m", "oops"}, wt);
    MustGit({"remote", "set-url", "origin", wt}, farm.Mirrors() + "/org/beta.git");
    MustGit({"remote", "update", "--prune"}, farm.Mirrors() + "/org/beta.git");
    MustGit({"config", "remote.origin.url", "git@github.example.invalid:lab/beta.git"}, farm.Mirrors() + "/org/beta.git");
  }
  MirrorFarm farm;
  std::string cohort;
};

const json* FindingAt(const json& report, const std::string& repository) {
  for (const auto& f : report["findings"])
    if (f["repository"] == repository) return &f;
  return nullptr;
}

void ExpectNoValues(const std::string& text, const std::string& table, const std::string& what) {
  size_t pos = table.find('\n') + 1;
  int checked = 0;
  while (pos < table.size()) {
    const std::string eid = table.substr(pos, 7);
    EXPECT_EQ(text.find(eid), std::string::npos) << what << " leaks " << eid;
    pos = table.find('\n', pos) + 1;
    ++checked;
  }
  EXPECT_GT(checked, 100);
  EXPECT_EQ(text.find(kToken), std::string::npos) << what << " leaks the token";
  EXPECT_EQ(text.find("x-access-token"), std::string::npos) << what << " leaks the user of the URL";
}

TEST(SweepCustodian, FindingsSayWhoCommittedThemWhenAndWhereToSeeThem) {
  CustodianFarm c;
  const std::string report = (c.farm.dir().path() / "sweep.json").string();
  auto r = Cohortguard({"sweep", c.farm.Mirrors(), "--format", "json", "-o", report});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const json j = json::parse(Slurp(report));

  const json* alpha = FindingAt(j, "org/alpha.git");
  ASSERT_NE(alpha, nullptr) << j.dump(2);
  const json& pa = (*alpha)["provenance"];
  EXPECT_EQ(pa["url"], "https://github.example.invalid/lab/alpha");
  EXPECT_EQ(pa["permalink"], "https://github.example.invalid/lab/alpha/blob/" + (*alpha)["commit"].get<std::string>() +
                                 "/data/ukb_extract.csv");
  EXPECT_EQ(pa["author"]["email"], "test@example.invalid");
  EXPECT_TRUE(std::regex_match(pa["committer"]["date"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << pa.dump();
  EXPECT_EQ(pa["at_head"], true);

  const json* fork = FindingAt(j, "forks/alpha-fork.git");
  ASSERT_NE(fork, nullptr);
  EXPECT_EQ((*fork)["provenance"]["url"], "https://github.example.invalid/someone/alpha-fork");

  const json* beta = FindingAt(j, "org/beta.git");
  ASSERT_NE(beta, nullptr) << j.dump(2);
  const json& pb = (*beta)["provenance"];
  EXPECT_EQ(pb["url"], "https://github.example.invalid/lab/beta");  // from the scp-like ssh URL
  EXPECT_EQ(pb["author"]["name"], "Dr Re Searcher");
  EXPECT_EQ(pb["author"]["email"], "r.searcher@uni.example.invalid");
  EXPECT_EQ(pb["author"]["date"], "2024-03-05T10:00:00Z");
  EXPECT_EQ(pb["committer"]["email"], "test@example.invalid");
  EXPECT_EQ(pb["at_head"], false);  // deleted in the next commit: only in history
  EXPECT_EQ(pb["permalink"], "https://github.example.invalid/lab/beta/blob/" + (*beta)["commit"].get<std::string>() +
                                 "/data/my%20cohort.csv");
  ExpectNoValues(Slurp(report), c.cohort, "sweep report");
  ExpectNoValues(Slurp(report), testing::UkbExtract(200, 3, 1), "sweep report");

  // A second sweep reports nothing new; --report all gives the stored findings with their provenance.
  auto all = Cohortguard({"sweep", c.farm.Mirrors(), "--format", "json", "--report", "all"});
  const json ja = json::parse(all.out);
  const json* again = FindingAt(ja, "org/beta.git");
  ASSERT_NE(again, nullptr) << all.err;
  EXPECT_EQ((*again)["provenance"], pb);
}

TEST(SweepCustodian, ReportMergeWritesCsvAndHtmlSummariesWithoutValues) {
  CustodianFarm c;
  const auto dir = c.farm.dir().path();
  std::vector<std::string> shards;
  for (int k = 0; k < 2; ++k) {
    shards.push_back((dir / ("shard-" + std::to_string(k) + ".jsonl")).string());
    auto r = Cohortguard({"sweep", c.farm.Mirrors(), "--shard", std::to_string(k) + "/2", "--state",
                          (dir / ("s" + std::to_string(k) + ".sqlite")).string(), "--format", "jsonl", "-o", shards.back()});
    ASSERT_LE(r.exit_code, 1) << r.err;
  }
  const std::string csv = (dir / "custodian.csv").string(), html = (dir / "custodian.html").string();
  auto m = Cohortguard({"report", "merge", shards[0], shards[1], "-o", (dir / "merged.json").string(),
                        "--custodian-csv", csv, "--custodian-html", html});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  const std::string csv_text = Slurp(csv), html_text = Slurp(html);

  std::istringstream lines(csv_text);
  std::string header, row;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("repository,url,severity,category,rule,rows,path,", 0), 0u) << header;
  int rows = 0;
  bool beta = false;
  for (; std::getline(lines, row); ++rows) {
    if (row.rfind("org/beta.git,", 0) != 0) continue;
    beta = true;
    EXPECT_NE(row.find(",Dr Re Searcher,r.searcher@uni.example.invalid,2024-03-05T10:00:00Z,"), std::string::npos) << row;
    EXPECT_NE(row.find("only in history"), std::string::npos) << row;
    EXPECT_NE(row.find("/blob/"), std::string::npos) << row;
  }
  EXPECT_EQ(rows, 3) << csv_text;
  EXPECT_TRUE(beta) << csv_text;

  EXPECT_EQ(html_text.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html_text.find("Dr Re Searcher &lt;r.searcher@uni.example.invalid&gt;"), std::string::npos);
  EXPECT_NE(html_text.find("1 findings since 2024-03-05T10:00:00Z; 0 still in HEAD, 1 only in history"), std::string::npos)
      << html_text;
  EXPECT_NE(html_text.find("<a href=\"https://github.example.invalid/lab/alpha\">org/alpha.git</a>"), std::string::npos);
  EXPECT_EQ(html_text.find("<script"), std::string::npos);
  EXPECT_EQ(html_text.find("src="), std::string::npos);  // self-contained: nothing fetched
  for (const auto& [text, what] : {std::pair{csv_text, "csv"}, std::pair{html_text, "html"}}) {
    ExpectNoValues(text, c.cohort, what);
    ExpectNoValues(text, testing::UkbExtract(200, 3, 1), what);  // alpha's extract
    EXPECT_EQ(text.find("21022-0.0"), std::string::npos) << what << " names a column";
  }
}

TEST(SweepCustodian, WhetherAFindingIsStillInHeadIsRedoneOnEveryWarmSweep) {
  MirrorFarm farm;
  testing::TempDir out;
  const std::string state = out.str() + "/state.sqlite";
  auto sweep = [&](const std::string& report) {
    auto r = Cohortguard({"sweep", farm.Mirrors(), "--state", state, "--format", "json", "--report", report,
                          "--fail-on", "never"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out.empty() ? "{}" : r.out);
  };
  json first = sweep("new");
  ASSERT_TRUE(FindingAt(first, "org/alpha.git"));
  EXPECT_EQ((*FindingAt(first, "org/alpha.git"))["provenance"]["at_head"], true);
  // The researcher deletes the extract; the mirror is updated; the blob stays in history.
  const std::string wt = (farm.dir().path() / "work/alpha").string();
  MustGit({"rm", "-q", "data/ukb_extract.csv"}, wt);
  MustGit({"commit", "-q", "-m", "remove the extract"}, wt);
  MustGit({"remote", "update", "--prune"}, farm.Mirrors() + "/org/alpha.git");
  json news = sweep("new");
  EXPECT_TRUE(news["findings"].empty()) << "leaving HEAD is not a new leak: " << news["findings"];
  json all = sweep("all");
  ASSERT_TRUE(FindingAt(all, "org/alpha.git"));
  EXPECT_EQ((*FindingAt(all, "org/alpha.git"))["provenance"]["at_head"], false) << "only in history now";
  ASSERT_TRUE(FindingAt(all, "forks/alpha-fork.git"));
  EXPECT_EQ((*FindingAt(all, "forks/alpha-fork.git"))["provenance"]["at_head"], true) << "the fork still has it";
  EXPECT_EQ((*FindingAt(all, "org/alpha.git"))["commit"], (*FindingAt(first, "org/alpha.git"))["commit"]);
}

}  // namespace
}  // namespace cg
