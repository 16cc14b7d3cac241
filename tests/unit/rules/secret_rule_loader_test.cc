#include <gtest/gtest.h>

#include "rules/rule_loader.h"

namespace cg {
namespace {

constexpr const char* kHead = "pack: p\nsecrets:\n  - id: tok\n    title: Token\n";
constexpr const char* kExamples = "    examples:\n      match: ['a']\n      no_match: ['b']\n";

struct BadRule {
  std::string body;   // after kHead
  const char* error;  // expected substring
};

TEST(SecretRuleLoader, ErrorsNameFileLineAndRule) {
  const BadRule cases[] = {
      {std::string("    pattern: '(unclosed'\n") + kExamples, "p.yaml:5: rule 'p.tok': pattern does not compile"},
      {kExamples, "p.yaml:3: rule 'p.tok': missing 'pattern'"},
      {"    pattern: 'x'\n", "p.yaml:3: rule 'p.tok': 'examples' must be a map"},
      {"    pattern: 'x'\n    examples:\n      match: ['a']\n", "rule 'p.tok': 'examples' needs a non-empty 'no_match'"},
      {std::string("    pattern: 'x'\n    severity: fatal\n") + kExamples, "p.yaml:6: rule 'p.tok': severity must be"},
      {std::string("    pattern: 'x'\n    min_entropy: 9\n") + kExamples, "p.yaml:6: rule 'p.tok': 'min_entropy'"},
      {std::string("    pattern: 'x'\n    colour: red\n") + kExamples, "p.yaml:6: rule 'p.tok': unknown key 'colour'"},
      {std::string("    pattern: 'x'\n    path: '[z'\n") + kExamples, "p.yaml:6: rule 'p.tok': path pattern does not compile"},
  };
  for (const auto& c : cases) {
    RuleSet set;
    Status s = LoadRulePack({"p.yaml", kHead + c.body}, &set);
    EXPECT_FALSE(s.ok()) << c.body;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << s.message();
  }
}

TEST(SecretRuleLoader, SecretGroupIsFoundByName) {
  RuleSet set;
  Status s = LoadRulePack({"p.yaml", std::string(kHead) + "    pattern: 'key=(v)(?P<secret>\\w+)'\n" + kExamples}, &set);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(set.secrets.size(), 1u);
  EXPECT_EQ(set.secrets[0].id, "p.tok");
  EXPECT_EQ(set.secrets[0].patterns[0].secret_group(), 2);
  EXPECT_EQ(set.secrets[0].examples.size(), 2u);
}

// The loader leaves the built-in packs' patterns to be compiled on first use: this is where a
// built-in pattern that does not compile is caught.
TEST(SecretRuleLoader, EveryBuiltInPatternCompiles) {
  auto set = LoadRules(false, {});
  ASSERT_TRUE(set.ok()) << set.status().message();
  size_t patterns = 0;
  for (const SecretRule& r : set->secrets)
    for (const SecretPattern& p : r.patterns) {
      ++patterns;
      EXPECT_TRUE(p.re().ok()) << r.id << ": " << p.re().error();
      const auto& named = p.re().NamedCapturingGroups();
      EXPECT_EQ(p.secret_group(), named.count("secret") ? named.at("secret") : 0) << r.id;
    }
  EXPECT_GT(patterns, 20u);
}

TEST(SecretRuleLoader, DuplicateIdAcrossPacksIsAnError) {
  RuleSet set;
  std::string pack = std::string(kHead) + "    pattern: 'x'\n" + kExamples;
  ASSERT_TRUE(LoadRulePack({"a.yaml", pack}, &set).ok());
  Status s = LoadRulePack({"b.yaml", pack}, &set);
  EXPECT_NE(s.message().find("b.yaml:3: duplicate rule id 'p.tok'"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace cg
