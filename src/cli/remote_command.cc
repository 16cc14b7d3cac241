// cohortguard remote classify URL...: how the push policy sees a destination, and why.
#include <iostream>

#include "cli/command.h"
#include "cli/scan_policy.h"

namespace cg {
namespace {

constexpr const char* kUsage =
    "usage: cohortguard remote classify URL... [--config FILE] [--check-visibility]\n"
    "  prints 'CLASS  URL' and the reason for each URL: CLASS is public, internal or private.\n"
    "  Several URLs are one destination (e.g. a remote's url and pushurl): the last line, 'push',\n"
    "  is the most exposed class, which is what the pre-push hook applies.\n"
    "  --check-visibility asks GitHub whether a github.com repository is private (as with\n"
    "  remotes.github.visibility_check: true in the configuration).\n";

}  // namespace

int RunRemoteCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? kExitUsage : kExitClean;
  }
  if (args[0] != "classify") return UsageError("remote: unknown subcommand '" + args[0] + "'\n" + kUsage);
  std::vector<std::string> urls;
  std::string config;
  bool check = false;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--config" && i + 1 < args.size()) config = args[++i];
    else if (args[i] == "--check-visibility") check = true;
    else if (args[i] == "--help" || args[i] == "-h") { std::cout << kUsage; return kExitClean; }
    else if (args[i].rfind("--", 0) == 0) return UsageError("remote classify: unknown option '" + args[i] + "'\n" + kUsage);
    else urls.push_back(args[i]);
  }
  if (urls.empty()) return UsageError(std::string("remote classify: which URL?\n") + kUsage);
  PolicyOptions options;
  if (auto st = LoadPolicyConfig(config, &options); !st.ok()) return UsageError(st.message());
  RemotePolicy* policy = &options.remotes;
  if (check) policy->github_check = true;
  RemoteClassification most;
  most.remote_class = RemoteClass::kPrivate;
  for (const auto& url : urls) {
    RemoteClassification c = ClassifyRemoteUrl(url, *policy);
    std::cout << RemoteClassName(c.remote_class) << "  " << url << "\n    " << c.reason << "\n";
    if (most.url.empty() || c.remote_class > most.remote_class) most = c;
  }
  if (urls.size() > 1)
    std::cout << "push: " << RemoteClassName(most.remote_class) << " (decided by " << most.url << ")\n";
  return kExitClean;
}

}  // namespace cg
