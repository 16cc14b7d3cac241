// SecretRule: one kind of credential the secret detector looks for, as a rule pack's `secrets`
// section declares it (rules/secrets.yaml), compiled and validated by rules/secret_rule_loader.
//
// Each pattern is an RE2 compiled once, on first use; the part of a match that is the secret is
// the named group `secret` (the whole match when there is none). The loader compiles a user
// pack's patterns when it loads (one that does not compile is an error there); the built-in
// packs' are compiled only when the detector proposes them (a hook on a few files runs a handful
// of the ~60), and a unit test compiles every one of them. A rule carries its own positive and
// negative examples, which `cohortguard rules test` and the test suite run.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "core/finding.h"

namespace cg {

struct SecretExample {
  std::string text;      // the example document's text (never printed: it may look real)
  std::string path;      // origin path the example is scanned as (path-restricted rules)
  bool should_match = true;
  std::string where;     // "file:line", for messages
};

class SecretPattern {
 public:
  explicit SecretPattern(std::string source);
  std::string source;
  const RE2& re() const;
  // Capture group holding the secret; 0: the whole match.
  int secret_group() const;

 private:
  struct Lazy;
  const Lazy& Compiled() const;
  std::shared_ptr<Lazy> lazy_;  // shared: a RuleSet is moved and copied by pointer only
};

struct SecretRule {
  std::string id;        // "<pack>.<name>", the finding's rule id
  std::string title;     // for messages, e.g. "AWS access key id"
  Severity severity = Severity::kHigh;
  double confidence = 0.9;
  std::vector<SecretPattern> patterns;
  // Only files whose path (or archive member) matches fire this rule (e.g. `\.ukbkey$`).
  std::unique_ptr<RE2> path;
  // Checks on the secret value, against generic look-alikes.
  double min_entropy = 0;  // Shannon entropy, bits per character
  int min_classes = 0;     // distinct character classes among lower, upper, digit, other
  std::vector<SecretExample> examples;
  std::string where;       // "file:line" of the rule, for messages
};

}  // namespace cg
