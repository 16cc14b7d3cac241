#include "detect/secret_rule_examples.h"

#include "detect/secret_detector.h"

namespace cg {

ExampleReport RunSecretExamples(const RuleSet& rules) {
  ExampleReport report;
  SecretDetector detector(rules.secrets);
  for (const SecretRule& rule : rules.secrets) {
    ++report.rules;
    for (const SecretExample& ex : rule.examples) {
      ++report.examples;
      ResultCollector out;
      Origin origin;
      origin.path = ex.path;
      detector.ScanLines(ex.text, 1, origin, out);
      bool fired = false;
      for (const Finding& f : out.findings) fired |= f.rule == rule.id;
      if (fired != ex.should_match) report.failures.push_back({rule.id, ex.where, ex.should_match});
    }
  }
  return report;
}

}  // namespace cg
