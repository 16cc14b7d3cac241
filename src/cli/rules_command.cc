// cohortguard rules list | validate PATH... | test [PATH...]
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "content/reader_registry.h"
#include "detect/secret_rule_examples.h"
#include "rules/validators.h"
#include "report/report.h"
#include "rules/rule_loader.h"

namespace cg {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "usage: cohortguard rules list [--rules PATH]... [--no-default-rules]\n"
    "       cohortguard rules validate PATH...\n"
    "       cohortguard rules test [PATH...]     run the rules' examples (default: built-in packs)\n";

struct RulesOptions {
  std::vector<std::string> extra;
  bool no_defaults = false;
};

po::options_description Describe(RulesOptions& o) {
  po::options_description d("options (rules list)");
  d.add_options()
      ("help,h", "show this help")
      ("rules", po::value(&o.extra)->composing()->value_name("PATH"), "also list this rule file or folder (repeatable)")
      ("no-default-rules", po::bool_switch(&o.no_defaults), "leave out the built-in rule packs");
  return d;
}

int List(const std::vector<std::string>& args) {
  RulesOptions o;
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(Describe(o)).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("rules list: ") + e.what() + "\n" + kUsage);
  }
  if (vm.count("help")) {
    PrintCommandHelp(*FindCommand("rules"), std::cout);
    return kExitClean;
  }
  const std::vector<std::string>& extra = o.extra;
  const bool no_defaults = o.no_defaults;
  auto rules = LoadRules(no_defaults, extra);
  if (!rules.ok()) return UsageError(rules.status().message());
  std::cout << "rule packs:\n";
  for (const auto& p : rules->packs) std::cout << "  " << p.name << "  (" << p.file << ")  " << p.description << "\n";
  std::cout << "\ntable rules:\n";
  for (const auto& t : rules->tables)
    std::cout << "  " << t.id << "  " << t.title << "  [" << t.evidence.size() << " evidence, at most "
              << SeverityName(t.max_severity) << "]\n";
  std::cout << "\nsecret rules:\n";
  for (const auto& r : rules->secrets)
    std::cout << "  " << r.id << "  " << r.title << "  [" << SeverityName(r.severity) << "]\n";
  std::cout << "\nnegative evidence:\n";
  for (const auto& n : rules->negatives) std::cout << "  " << n.id << "  " << n.title << "\n";
  std::cout << "\nsensitive attributes: " << rules->attributes.size() << "\n";
  std::cout << "\nvalue validators: " << ValidatorNames() << "\n";
  std::cout << "\ncontent readers:\n";
  for (const auto& r : ContentReaders()) std::cout << "  " << r->name() << "  " << r->summary() << "\n";
  std::cout << "\nreport formats: " << ReportFormatNames() << "\n";
  return kExitClean;
}

int Validate(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError(std::string("rules validate: name a rule file or folder\n") + kUsage);
  int rc = kExitClean;
  for (const auto& path : args) {
    auto rules = LoadRules(/*no_defaults=*/true, {path});
    if (!rules.ok()) {
      std::cerr << "cohortguard: " << rules.status().message() << "\n";
      rc = kExitUsage;
      continue;
    }
    std::cout << path << ": ok (" << rules->packs.size() << " pack(s), " << rules->tables.size() << " table rule(s), "
              << rules->negatives.size() << " negative, " << rules->attributes.size() << " attribute(s), "
              << rules->secrets.size() << " secret rule(s))\n";
  }
  return rc;
}

// Exit 0 when every example behaves, 1 when one does not, 2 when a pack does not load.
int Test(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (!a.empty() && a[0] == '-') return UsageError("rules test: unexpected option '" + a + "'\n" + kUsage);
  auto rules = LoadRules(/*no_defaults=*/!args.empty(), args);
  if (!rules.ok()) return UsageError(rules.status().message());
  ExampleReport report = RunSecretExamples(*rules);
  for (const auto& f : report.failures)
    std::cout << f.where << ": rule '" << f.rule << "': example should " << (f.should_match ? "" : "not ")
              << "match but " << (f.should_match ? "did not" : "did") << "\n";
  std::cout << report.rules << " secret rule(s), " << report.examples << " example(s), " << report.failures.size()
            << " failure(s)\n";
  return report.failures.empty() ? kExitClean : kExitFindings;
}

}  // namespace

po::options_description RulesOptionsDescription() {
  static RulesOptions unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunRulesCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    PrintCommandHelp(*FindCommand("rules"), args.empty() ? std::cerr : std::cout);
    return args.empty() ? kExitUsage : kExitClean;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "list") return List(rest);
  if (args[0] == "validate") return Validate(rest);
  if (args[0] == "test") return Test(rest);
  return UsageError("rules: unknown subcommand '" + args[0] + "'\n" + kUsage);
}

}  // namespace cg
