#include <gtest/gtest.h>

#include "policy/config.h"
#include "policy/path_glob.h"

namespace cg {
namespace {

struct GlobCase {
  const char* glob;
  const char* path;
  bool matches;
};

TEST(PathGlob, GitignoreLikeTable) {
  const GlobCase cases[] = {
      {"*.csv", "a.csv", true},
      {"*.csv", "data/deep/a.csv", true},
      {"data/*.csv", "data/a.csv", true},
      {"data/*.csv", "data/x/a.csv", false},
      {"data/**/*.csv", "data/a.csv", true},
      {"data/**/*.csv", "data/x/y/a.csv", true},
      {"tests/fixtures/", "tests/fixtures/ukb/x.csv", true},
      {"tests/fixtures/", "tests/fixturesx/x.csv", false},
      {"./docs/?.md", "docs/a.md", true},
      {"docs/?.md", "docs/ab.md", false},
      {"ukb*.csv", "./data/ukb123.csv", true},
      {"/top.csv", "sub/top.csv", false},
  };
  for (const auto& c : cases) EXPECT_EQ(PathGlobMatches(c.glob, c.path), c.matches) << c.glob << " vs " << c.path;
}

TEST(PolicyConfig, ReadsEverySection) {
  PolicyOptions o;
  Status s = LoadConfigText("repo/.cohortguard.yaml",
                            "fail_on: high\n"
                            "rules:\n  paths: [extra-rules]\n  disable: [secrets.generic-secret-assignment]\n"
                            "baseline: .cohortguard-baseline.json\n"
                            "allowlist:\n"
                            "  - path: tests/fixtures/\n    reason: synthetic data shipped on purpose\n"
                            "  - blob: 9C1E000000000000000000000000000000000000\n    rule: 'secrets.*'\n"
                            "    reason: rotated key kept in history\n    expires: 2030-06-30\n",
                            &o);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(o.fail_on, Threshold(Severity::kHigh));
  EXPECT_EQ(o.rule_paths, std::vector<std::string>{"repo/extra-rules"});
  EXPECT_EQ(o.disabled_rules, std::vector<std::string>{"secrets.generic-secret-assignment"});
  EXPECT_EQ(o.baseline, "repo/.cohortguard-baseline.json");
  ASSERT_EQ(o.allowlist.size(), 2u);
  EXPECT_EQ(o.allowlist[0].path, "tests/fixtures/");
  EXPECT_EQ(o.allowlist[1].blob, "9c1e000000000000000000000000000000000000");
  EXPECT_EQ(o.allowlist[1].expires, "2030-06-30");
  EXPECT_EQ(o.allowlist[1].where, "repo/.cohortguard.yaml:9");
  EXPECT_EQ(o.root, "repo");
}

struct BadConfig {
  const char* text;
  const char* error;  // expected substring, including the line
};

TEST(PolicyConfig, ErrorsNameFileLineAndWhat) {
  const BadConfig cases[] = {
      {"allowlist:\n  - path: x/\n", "c.yaml:2: allowlist entry needs a 'reason'"},
      {"allowlist:\n  - reason: because\n", "c.yaml:2: allowlist entry needs at least one of"},
      {"allowlist:\n  - path: x\n    reason: r\n    expires: 2024-02-30\n", "c.yaml:4: allowlist entry: 'expires' must be a date"},
      {"allowlist:\n  - blob: abc\n    reason: r\n", "c.yaml:2: allowlist entry: 'blob' must be a 40-character"},
      {"allowlist:\n  - path: x\n    reason: r\n    why: no\n", "c.yaml:4: allowlist entry: unknown key 'why'"},
      {"fail_on: sometimes\n", "c.yaml:1: 'fail_on' must be high, medium, low or never"},
      {"remote: x\n", "c.yaml:1: unknown key 'remote'"},
      {"rules:\n  path: x\n", "c.yaml:2: unknown key 'rules.path'"},
      {"allowlist: [\n", "c.yaml"},
  };
  for (const auto& c : cases) {
    PolicyOptions o;
    Status s = LoadConfigText("c.yaml", c.text, &o);
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << s.message();
  }
}

TEST(PolicyConfig, EmptyFileIsAnEmptyConfig) {
  PolicyOptions o;
  EXPECT_TRUE(LoadConfigText(".cohortguard.yaml", "", &o).ok());
  EXPECT_EQ(o.fail_on, Threshold(Severity::kMedium));
}

TEST(PolicyConfig, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
  EXPECT_FALSE(IsIsoDate("2024-1-01"));
}

}  // namespace
}  // namespace cg
