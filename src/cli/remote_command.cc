// cohortguard remote classify URL|REMOTE...: how the push policy sees a destination, and why.
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/remote_urls.h"
#include "cli/session_options.h"
#include "engine/config_files.h"
#include "policy/remote_policy.h"
#include "policy/remote_url.h"
#include "source/git_handle.h"

namespace cg {
namespace po = boost::program_options;

namespace {

struct RemoteFlags {
  std::string verb;
  std::vector<std::string> urls;
  SessionFlags session;  // --config only
  bool check = false;
};

po::options_description Describe(RemoteFlags& f) {
  po::options_description d("options");
  d.add_options()("help,h", "show this help")
      ("config", po::value(&f.session.config)->value_name("FILE"),
       "configuration file (default: .cohortguard.yaml at the top of the work tree; user defaults are read first)")
      ("check-visibility", po::bool_switch(&f.check),
       "ask GitHub whether a github.com repository is private (as remotes.github.visibility_check: true does)");
  return d;
}

}  // namespace

po::options_description RemoteOptionsDescription() {
  static RemoteFlags unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunRemoteCommand(const std::vector<std::string>& args) {
  RemoteFlags f;
  po::options_description desc = Describe(f);
  po::options_description hidden;
  hidden.add_options()("verb", po::value(&f.verb))("url", po::value(&f.urls));
  po::positional_options_description pos;
  pos.add("verb", 1).add("url", -1);
  po::variables_map vm;
  if (auto done = ParseCommandLine("remote", args, desc, hidden, pos, &vm)) return *done;
  if (f.verb != "classify") return UsageError("remote: expected 'classify' (see 'cohortguard remote --help')");
  if (f.urls.empty()) return UsageError("remote classify: which URL? (see 'cohortguard remote --help')");
  PolicyOptions options;
  if (auto st = LoadPolicyConfig(f.session.config, &options); !st.ok()) return UsageError(st.message());
  RemotePolicy* policy = &options.remotes;
  if (f.check) policy->github_check = true;
  RemoteClassification most;
  most.remote_class = RemoteClass::kPrivate;
  // A remote's name (in the repository here) stands for its configured URLs, not for a path;
  // a URL also for where this repository's insteadOf/pushInsteadOf send it.
  auto repo = git::OpenRepository(".");
  git_repository* r = repo.ok() ? repo->get() : nullptr;
  for (const auto& arg : f.urls) {
    const bool remote = IsRemoteName(r, arg);
    RemoteClassification c = ClassifyRemoteUrls(PushUrlCandidates(r, arg, ""), *policy);
    std::cout << RemoteClassName(c.remote_class) << "  " << (remote ? arg + " (" + c.url + ")" : RedactUrl(arg))
              << "\n    " << c.reason << "\n";
    if (most.url.empty() || c.remote_class > most.remote_class) most = c;
  }
  if (f.urls.size() > 1)
    std::cout << "push: " << RemoteClassName(most.remote_class) << " (decided by " << most.url << ")\n";
  return kExitClean;
}

}  // namespace cg
