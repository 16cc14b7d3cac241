#include "detect/secret_detector.h"

#include <gtest/gtest.h>

#include "detect/secret_rule_examples.h"
#include "detect/secret_value.h"
#include "rules/rule_loader.h"
#include "support/non_secrets.h"

namespace cg {
namespace {

const RuleSet& DefaultRules() {
  static const RuleSet* rules = [] {
    auto r = LoadRules(false, {});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new RuleSet(std::move(*r));
  }();
  return *rules;
}

std::vector<Finding> Scan(const std::string& text, const std::string& path = "config.env", int64_t first_line = 1) {
  SecretDetector d(DefaultRules().secrets, "unit-test fingerprint key 0123456789");
  ResultCollector out;
  Origin o;
  o.path = path;
  d.ScanLines(text, first_line, o, out);
  return out.findings;
}

TEST(SecretRules, EveryBuiltInExampleBehaves) {
  ExampleReport r = RunSecretExamples(DefaultRules());
  EXPECT_GE(r.rules, 20u);
  EXPECT_GE(r.examples, 2 * r.rules);
  for (const auto& f : r.failures)
    ADD_FAILURE() << f.where << ": rule " << f.rule << " example should " << (f.should_match ? "" : "not ") << "match";
}

TEST(SecretDetector, BuiltInPatternsCompileIntoOneSet) {
  EXPECT_TRUE(SecretDetector(DefaultRules().secrets).uses_set());
}

TEST(SecretRules, ExampleRunnerReportsAWrongExample) {
  RuleSet set;
  ASSERT_TRUE(LoadRulePack({"t.yaml", "pack: t\nsecrets:\n  - id: gh\n    title: GH\n"
                                      "    pattern: '\\b(?P<secret>ghp_[A-Za-z0-9]{36})\\b'\n"
                                      "    examples:\n      match: ['nothing to see']\n"
                                      "      no_match: ['t=ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh']\n"},
                           &set).ok());
  ExampleReport r = RunSecretExamples(set);
  ASSERT_EQ(r.failures.size(), 2u);
  EXPECT_EQ(r.failures[0].where, "t.yaml:7");
  EXPECT_TRUE(r.failures[0].should_match);
  EXPECT_FALSE(r.failures[1].should_match);
}

TEST(SecretDetector, FindingHasRuleLineMaskAndNeverTheSecret) {
  const std::string secret = "ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh";
  auto f = Scan("# deploy\n\nGITHUB_TOKEN=" + secret + "\n", "ci/deploy.sh", 10);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "secrets.github-token");
  EXPECT_EQ(f[0].category, "secret");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].line, 12);
  EXPECT_EQ(f[0].masked.substr(0, 4), "ghp_");
  EXPECT_EQ(f[0].masked.find_first_not_of('*', 4), std::string::npos);
  for (const std::string& field : {f[0].message, f[0].masked, f[0].fingerprint, f[0].evidence[0].what})
    EXPECT_EQ(field.find(secret.substr(4, 12)), std::string::npos) << field;
}

TEST(SecretDetector, MultiLineKeyIsReportedOnItsBeginLine) {
  auto f = Scan("x = 1\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                "R1UYzaLiA/zNyD7CHLn/xC+1hsYgBds1ghxY5OokvQyx7eNWVQ4vnakJkS1pAWTN\n-----END OPENSSH PRIVATE KEY-----\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "secrets.openssh-private-key");
  EXPECT_EQ(f[0].line, 2);
}

TEST(SecretDetector, SpecificRuleWinsOverGenericAssignment) {
  auto f = Scan("SB_AUTH_TOKEN=81584d8c4fa2815d2802827283e0ad84\nAPI_TOKEN=\"ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh\"\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "secrets.sevenbridges-token");
  EXPECT_EQ(f[1].rule, "secrets.github-token");
}

TEST(SecretDetector, FingerprintSurvivesLineShiftButNotAnotherSecret) {
  const std::string a = "aws_access_key_id = AKIAUJZDE8GXD6NCF10E\n";
  auto before = Scan(a);
  auto after = Scan("# added\n# lines\n" + a);
  auto other = Scan("aws_access_key_id = AKIAPF91DHODZDOC9IS0\n");
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_NE(before[0].line, after[0].line);
  EXPECT_EQ(before[0].fingerprint, after[0].fingerprint);
  EXPECT_NE(before[0].fingerprint, other[0].fingerprint);
}

TEST(SecretDetector, DocumentationPlaceholdersDoNotFire) {
  for (const char* text : {"aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "GITHUB_TOKEN=<YOUR_TOKEN>\n",
                           "token: ${GITHUB_TOKEN}\n", "password = \"xxxxxxxxxxxx\"\n",
                           "api_key = \"{{ vault_api_key }}\"\n", "SLACK_TOKEN=xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx\n",
                           "postgres://user:password@localhost/db\n", "secret = \"changeme-please\"\n"})
    EXPECT_TRUE(Scan(text).empty()) << text;
}

TEST(SecretDetector, UkbKeyFileFiresOnlyByName) {
  const std::string key = "12345\nOMTNwncxvjcnqcMUP6n0a0uARxlNtencYFJEeAgYzQJjOIfPkzSrAsQtA9dtVK4w\n";
  EXPECT_EQ(Scan(key, "k12345r.ukbkey").size(), 1u);
  EXPECT_TRUE(Scan(key, "hashes.txt").empty());
  Origin in_zip;
  SecretDetector d(DefaultRules().secrets);
  ResultCollector out;
  in_zip.path = "backup.zip";
  in_zip.member = "home/.ukbkey";
  d.ScanLines(key, 1, in_zip, out);
  EXPECT_EQ(out.findings.size(), 1u) << "the archive member's name counts";
}

TEST(SecretPrecision, RealisticNonSecretsGiveNothingAtMediumOrAbove) {
  for (const auto& [path, text] : testing::NonSecretCorpus(7, 1)) {
    for (const Finding& f : Scan(text, path))
      if (f.severity >= Severity::kMedium)
        ADD_FAILURE() << path << " line " << *f.line << ": " << f.rule << " " << f.masked;
  }
}

struct ValueCase {
  const char* value;
  bool placeholder;
};

TEST(SecretValue, PlaceholderTable) {
  const ValueCase cases[] = {
      {"AKIAIOSFODNN7EXAMPLE", true}, {"<YOUR_TOKEN>", true},  {"${DB_PASSWORD}", true},
      {"xxxxxxxxxxxx", true},         {"{{ token }}", true},   {"%(password)s", true},
      {"password", true},             {"12345678abc", true},   {"$TOKEN", true},
      {"k2Vq9Lr7Tz4Wn8Xp", false},    {"9Zmti18c6EudM7Oyf5", false},
  };
  for (const auto& c : cases) EXPECT_EQ(LooksLikePlaceholder(c.value), c.placeholder) << c.value;
}

TEST(SecretValue, MaskShowsAtMostFourCharactersAndAThirdOfShortValues) {
  EXPECT_EQ(MaskSecret("ghp_MFLZDe1f8rESQedU"), "ghp_****************");
  EXPECT_EQ(MaskSecret("abcdefgh"), "ab******");
  EXPECT_EQ(MaskSecret(std::string(200, 'Q')).size(), 32u);
}

TEST(SecretValue, EntropyAndClasses) {
  EXPECT_DOUBLE_EQ(ShannonEntropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("abcd"), 2.0);
  EXPECT_EQ(CharacterClasses("aB3-"), 4);
  EXPECT_EQ(CharacterClasses("deadbeef00"), 2);
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

TEST(SecretFingerprint, KeyedByTheKeyAndWithoutOneTheValueIsLeftOut) {
  Origin o;
  o.path = "config.env";
  const std::string key = "0123456789abcdef0123", other_key = "fedcba9876543210fedc";
  // Keyed: depends on the key and the value; stable for both.
  EXPECT_EQ(SecretFingerprint("r", o, "hunter2hunter2", key), SecretFingerprint("r", o, "hunter2hunter2", key));
  EXPECT_NE(SecretFingerprint("r", o, "hunter2hunter2", key), SecretFingerprint("r", o, "hunter2hunter3", key));
  EXPECT_NE(SecretFingerprint("r", o, "hunter2hunter2", key), SecretFingerprint("r", o, "hunter2hunter2", other_key));
  // Unkeyed: what the report shows anyway (mask, length), never the rest of the value.
  EXPECT_EQ(SecretFingerprint("r", o, "hunter2hunter2", ""), SecretFingerprint("r", o, "huntXXXXXXXXXX", ""));
  EXPECT_NE(SecretFingerprint("r", o, "hunter2hunter2", ""), SecretFingerprint("r", o, "hunter2hunter22", ""));
}

}  // namespace
}  // namespace cg

namespace cg {
namespace {

// Rule, line and masked value of each finding: what must not depend on which pass proposed it.
std::vector<std::string> Shown(const SecretDetector& d, const std::string& text, const std::string& path) {
  ResultCollector out;
  Origin o;
  o.path = path;
  d.ScanLines(text, 1, o, out);
  std::vector<std::string> shown;
  for (const Finding& f : out.findings) shown.push_back(f.rule + ":" + std::to_string(f.line.value_or(-1)) + ":" + f.masked);
  return shown;
}

const RuleSet& BuiltInRules() {
  static const RuleSet* rules = [] {
    auto r = LoadRules(false, {});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new RuleSet(std::move(*r));
  }();
  return *rules;
}

TEST(SecretPrefilter, FindsExactlyWhatTheSetFindsOnEveryExampleAndTheNonSecretCorpus) {
  const auto& secrets = BuiltInRules().secrets;
  SecretDetector with_set(secrets, "", false), with_prebuilt(secrets), with_prefilter(secrets);
  ASSERT_TRUE(with_prefilter.UsePrefilterNow()) << "every built-in pattern compiles as a Vectorscan prefilter";
  EXPECT_FALSE(with_set.uses_prefilter());
  EXPECT_FALSE(with_set.uses_prebuilt());
  ASSERT_TRUE(with_prebuilt.uses_prebuilt()) << "the build-time database loads on this machine";
  size_t found = 0;
  for (const SecretRule& rule : secrets)
    for (const SecretExample& ex : rule.examples) {
      const std::string path = ex.path.empty() ? "config.env" : ex.path;
      auto a = Shown(with_set, ex.text, path);
      EXPECT_EQ(a, Shown(with_prefilter, ex.text, path)) << ex.where;
      EXPECT_EQ(a, Shown(with_prebuilt, ex.text, path)) << ex.where;
      found += a.size();
    }
  EXPECT_GT(found, 40u);
  for (const auto& [path, text] : testing::NonSecretCorpus(7, 1)) {
    EXPECT_EQ(Shown(with_set, text, path), Shown(with_prefilter, text, path)) << path;
    EXPECT_EQ(Shown(with_set, text, path), Shown(with_prebuilt, text, path)) << path;
  }
  EXPECT_FALSE(with_set.uses_prefilter()) << "the set detector read far less than the threshold";
  EXPECT_FALSE(with_prebuilt.uses_prefilter()) << "nor did the prebuilt one";
}

TEST(SecretPrefilter, TakesOverOnceTheDetectorHasReadEnough) {
  SecretDetector d(BuiltInRules().secrets);
  const std::string line = "value = compute(alpha, beta)  # nothing secret here\n";
  std::string chunk;
  while (chunk.size() < (1u << 20)) chunk += line;
  const std::string token = "GITHUB_TOKEN=ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh\n";
  uint64_t read = 0;
  while (read + chunk.size() < SecretDetector::kPrefilterAfterBytes) {
    EXPECT_EQ(Shown(d, chunk + token, "a.sh").size(), 1u);
    read += chunk.size() + token.size();
  }
  EXPECT_FALSE(d.uses_prefilter());
  EXPECT_EQ(Shown(d, chunk + token, "a.sh").size(), 1u);
  EXPECT_EQ(Shown(d, chunk + token, "a.sh").size(), 1u);
  EXPECT_TRUE(d.uses_prefilter());
}

// One rule `t.r` with these RE2 patterns (each with a `secret` group), built directly: the
// loader would also want examples.
RuleSet OnePack(const std::vector<std::string>& patterns) {
  RuleSet set;
  SecretRule r;
  r.id = "t.r";
  r.title = "R";
  for (const auto& source : patterns) {
    SecretPattern p(source);
    EXPECT_TRUE(p.re().ok()) << source;
    EXPECT_GT(p.secret_group(), 0) << source;
    r.patterns.push_back(std::move(p));
  }
  set.secrets.push_back(std::move(r));
  return set;
}

TEST(SecretPrefilter, ValuesOfMultibyteCharactersAreStillProposed) {
  // RE2 counts characters: nine two-byte characters are 18 bytes, over the repeat's bound of
  // 10; and an exact count of 9 is 18 bytes too.
  RuleSet rules = OnePack({"pw=(?P<secret>[^\\s\"]{8,10})\"", "pin:(?P<secret>.{9});"});
  SecretDetector d(rules.secrets);
  ASSERT_TRUE(d.UsePrefilterNow());
  EXPECT_EQ(Shown(d, "pw=\xC3\xA9\xC3\xA0\xC3\xBC\xC3\xB6\xC3\xA4\xC3\xAB\xC3\xAF\xC3\xB1\xC3\xA7\"\n", "x").size(), 1u);
  EXPECT_EQ(Shown(d, "pin:\xC3\xA9\xC3\xA0\xC3\xBC\xC3\xB6\xC3\xA4\xC3\xAB\xC3\xAF\xC3\xB1\xC3\xA7;\n", "x").size(), 1u);
}

TEST(SecretPrefilter, CaseFoldedKelvinAndLongSAreFoundAsRE2FindsThem) {
  // (?i) in RE2 equates U+212A with k and U+017F with s.
  RuleSet rules = OnePack({"(?i)secret_key=(?P<secret>[A-Za-z0-9]{16})\\b"});
  SecretDetector set_only(rules.secrets), d(rules.secrets);
  ASSERT_TRUE(d.UsePrefilterNow());
  const std::string text = "\xC5\xBF" "ecret_\xE2\x84\xAA" "ey=Q3vT9xLm2PzR8wKd\n";
  ASSERT_EQ(Shown(set_only, text, "x").size(), 1u) << "RE2 folds them";
  EXPECT_EQ(Shown(d, text, "x"), Shown(set_only, text, "x"));
}

TEST(SecretPrefilter, PatternsVectorscanRejectsOrCannotReadAsBytesAreRunOnEveryText) {
  // (?U) is RE2 syntax Vectorscan rejects; \p{Greek} names non-ASCII characters.
  RuleSet rules = OnePack({"(?U)tok=(?P<secret>[A-Za-z0-9]{12,})\\b", "key=(?P<secret>\\p{Greek}{8,})",
                           "\\bghp_(?P<secret>[A-Za-z0-9]{36})\\b"});
  SecretDetector d(rules.secrets);
  EXPECT_FALSE(d.UsePrefilterNow()) << "not every pattern is in the prefilter";
  EXPECT_TRUE(d.uses_prefilter()) << "the rest are";
  EXPECT_EQ(Shown(d, "tok=Q3vT9xLm2PzR8wKd\n", "x").size(), 1u);
  EXPECT_EQ(Shown(d, "key=\xCE\xB1\xCE\xB2\xCE\xB3\xCE\xB4\xCE\xB5\xCE\xB6\xCE\xB7\xCE\xB8\n", "x").size(), 1u);
  EXPECT_EQ(Shown(d, "t=ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh\n", "x").size(), 1u);
  EXPECT_TRUE(Shown(d, "nothing here\n", "x").empty());
}

// A user pack's pattern is not in the build-time database: the set of such patterns proposes
// it beside the database, and a built-in rule disabled (left out of the rules) is not proposed.
TEST(SecretPrefilter, PatternsOutsideTheBuildTimeDatabaseAreStillFound) {
  RuleSet user = OnePack({"cgtest_(?P<secret>[A-Za-z0-9]{24})\\b"});
  std::vector<SecretRule> rules;
  for (const SecretRule& r : BuiltInRules().secrets) {
    if (r.id.find("github") != std::string::npos) continue;
    SecretRule copy;
    copy.id = r.id;
    copy.title = r.title;
    copy.patterns = r.patterns;
    copy.min_entropy = r.min_entropy;
    copy.min_classes = r.min_classes;
    if (r.path) copy.path = std::make_unique<RE2>(r.path->pattern());
    rules.push_back(std::move(copy));
  }
  const size_t built_in = rules.size();
  for (SecretRule& r : user.secrets) rules.push_back(std::move(r));
  SecretDetector with_set(rules, "", false), with_prebuilt(rules);
  ASSERT_TRUE(with_prebuilt.uses_prebuilt());
  const std::string text = "a: cgtest_Q3vT9xLm2PzR8wKdA7bC4eF1\nb: ghp_MFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNh\n"
                           "c: AKIAZ3MHQV7XKPL2RWNT\n";
  auto shown = Shown(with_prebuilt, text, "x.env");
  EXPECT_EQ(shown, Shown(with_set, text, "x.env"));
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(shown[0].rfind("t.r:1:", 0), 0u) << shown[0];
  for (const auto& s : shown) EXPECT_EQ(s.find("github"), std::string::npos) << s;
  EXPECT_LT(built_in, rules.size());
}

}  // namespace
}  // namespace cg
