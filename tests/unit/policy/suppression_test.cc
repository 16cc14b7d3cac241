#include "policy/suppression.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace cg {
namespace {

Finding Secret(const std::string& path, int64_t line, const std::string& fp, const std::string& rule = "secrets.x") {
  Finding f;
  f.rule = rule;
  f.category = "secret";
  f.severity = Severity::kHigh;
  f.origin.path = path;
  f.line = line;
  f.fingerprint = fp;
  return f;
}

Finding Table(const std::string& path) {
  Finding f;
  f.rule = "ukbiobank.main-dataset";
  f.category = "participant-data";
  f.severity = Severity::kHigh;
  f.origin.path = path;
  f.fingerprint = "t-" + path;
  return f;
}

AllowEntry Entry(std::string path, std::string rule, std::string expires = "") {
  AllowEntry e;
  e.path = std::move(path);
  e.rule = std::move(rule);
  e.reason = "test";
  e.expires = std::move(expires);
  e.where = "c.yaml:1";
  return e;
}

TEST(Suppression, InlineMarkerCoversItsLineAndTableHeads) {
  ScanResult r;
  r.findings = {Secret("a.env", 3, "f1"), Secret("a.env", 4, "f2"), Table("ukb.csv"), Table("late.csv")};
  r.allow_markers = {{Origin{"a.env", "", "", "", ""}, 3}, {Origin{"ukb.csv", "", "", "", ""}, 1},
                     {Origin{"late.csv", "", "", "", ""}, kTableMarkerLines + 1}};
  ApplySuppression(&r, nullptr, nullptr);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].line, 4);
  EXPECT_EQ(r.findings[1].origin.path, "late.csv");
  ASSERT_EQ(r.suppressed.size(), 2u);
  EXPECT_EQ(r.suppressed[0].suppressed_by, "inline cohortguard:allow on line 3");
  EXPECT_EQ(r.stats.suppressed, 2u);
}

TEST(Suppression, AllowlistByPathAndRuleThenExpiry) {
  ScanResult r;
  r.findings = {Secret("tests/fixtures/k.env", 1, "f1"), Secret("src/k.env", 1, "f2", "secrets.github-token"),
                Secret("src/old.env", 1, "f3", "secrets.slack-token")};
  Allowlist allow({Entry("tests/fixtures/", ""), Entry("", "secrets.github-*"), Entry("src/old.env", "", "2020-01-31")},
                  ".", "2024-05-01");
  ApplySuppression(&r, &allow, nullptr);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].origin.path, "src/old.env") << "an expired entry no longer applies";
  EXPECT_EQ(r.suppressed.size(), 2u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("expired on 2020-01-31"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[0].find("it matches 1 finding"), std::string::npos) << r.warnings[0];
}

TEST(Suppression, ExpiryDayItselfStillApplies) {
  ScanResult r;
  r.findings = {Secret("a.env", 1, "f1")};
  Allowlist allow({Entry("a.env", "", "2024-05-01")}, ".", "2024-05-01");
  ApplySuppression(&r, &allow, nullptr);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(r.warnings.empty());
}

TEST(Suppression, AllowlistByGitBlobIdAndSha256OfTheFile) {
  testing::TempDir dir;
  auto p = dir.Write("k.env", "hello\n").string();
  // `git hash-object` of "hello\n" and sha256sum of the same bytes.
  AllowEntry by_blob = Entry("", "");
  by_blob.blob = "ce013625030ba8dba906f756967f9e9ca394464a";
  AllowEntry by_sha = Entry("", "");
  by_sha.sha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
  for (const AllowEntry& e : {by_blob, by_sha}) {
    ScanResult r;
    r.findings = {Secret(p, 1, "f1")};
    Allowlist allow({e}, dir.str(), "2024-05-01");
    ApplySuppression(&r, &allow, nullptr);
    EXPECT_TRUE(r.findings.empty()) << e.blob << e.sha256;
  }
  dir.Write("k.env", "hello, changed\n");
  ScanResult r;
  r.findings = {Secret(p, 1, "f1")};
  Allowlist allow({by_blob}, dir.str(), "2024-05-01");
  ApplySuppression(&r, &allow, nullptr);
  EXPECT_EQ(r.findings.size(), 1u) << "other content, other blob";
}

TEST(Suppression, GitScanFindingsMatchTheirOwnBlobId) {
  ScanResult r;
  Finding f = Secret("k.env", 1, "f1");
  f.origin.blob = "ce013625030ba8dba906f756967f9e9ca394464a";
  f.origin.commit = "0123";
  r.findings = {f};
  AllowEntry e = Entry("", "");
  e.blob = f.origin.blob;
  Allowlist allow({e}, ".", "2024-05-01");
  ApplySuppression(&r, &allow, nullptr);
  EXPECT_TRUE(r.findings.empty());
}

TEST(Suppression, BaselineCoversKnownFingerprintsOnly) {
  auto b = Baseline::Parse("base.json",
                           R"({"schema":"cohortguard.report/v1","findings":[{"rule":"x","fingerprint":"f1"}]})");
  ASSERT_TRUE(b.ok()) << b.status().message();
  ScanResult r;
  r.findings = {Secret("a.env", 9, "f1"), Secret("a.env", 10, "new")};
  ApplySuppression(&r, nullptr, &*b);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].fingerprint, "new");
  EXPECT_EQ(r.suppressed[0].suppressed_by, "baseline base.json");
}

TEST(Baseline, RejectsWhatIsNotAReport) {
  for (const char* text : {"not json", R"({"findings":[]})", R"({"schema":"cohortguard.report/v1"})",
                           R"({"schema":"cohortguard.report/v1","findings":[{"rule":"x"}]})"}) {
    auto b = Baseline::Parse("b.json", text);
    EXPECT_FALSE(b.ok()) << text;
    if (!b.ok()) {
      EXPECT_EQ(b.status().message().rfind("b.json: ", 0), 0u) << b.status().message();
    }
  }
}

}  // namespace
}  // namespace cg
