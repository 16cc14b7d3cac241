// cohortguard hook install | pre-commit | pre-push REMOTE URL | pre-receive
//
// The hook subcommands are what the shims in hooks/ run. They read the repository the way git
// describes it to hooks (temporary index, quarantined objects) and never write to it.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>

#include "cli/command.h"
#include "cli/hook_install.h"
#include "cli/hook_scan.h"
#include "cli/scan_policy.h"
#include "source/git_handle.h"
#include "source/push_refs.h"

namespace cg {
namespace {

constexpr const char* kUsage =
    "usage: cohortguard hook install [--pre-commit] [--pre-push] [--pre-receive] [--force]\n"
    "       cohortguard hook pre-commit [--config FILE] [--fail-on SEVERITY]\n"
    "       cohortguard hook pre-push REMOTE URL [--config FILE]    (ref lines on stdin)\n"
    "       cohortguard hook pre-receive [--config FILE] [--fail-on SEVERITY] [--timeout SECONDS]\n"
    "                                    [--on-timeout block|allow]\n"
    "  install writes the pre-commit and pre-push shims unless told which; a hook that is not\n"
    "  cohortguard's is kept only with --force (renamed to NAME.cohortguard-chained, run after).\n"
    "  pre-commit and pre-push read .cohortguard.yaml (fail_on, rules, allowlist, baseline, remotes)\n"
    "  as 'cohortguard scan' does; allowlisted and cohortguard:allow-marked findings do not block.\n"
    "  pre-receive reads no file from the pushed commits: its config file is --config or\n"
    "  cohortguard.config in the repository's git config, and cohortguard.failOn,\n"
    "  cohortguard.timeout and cohortguard.onTimeout there override it (flags win).\n";

struct HookFlags {
  std::vector<std::string> positional;
  std::string config;
  std::string fail_on;
  std::string timeout;
  std::string on_timeout;
};

Status ParseFlags(const std::vector<std::string>& args, size_t from, HookFlags* f) {
  for (size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* into) {
      if (i + 1 >= args.size()) return false;
      *into = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--config") ok = value(&f->config);
    else if (a == "--fail-on") ok = value(&f->fail_on);
    else if (a == "--timeout") ok = value(&f->timeout);
    else if (a == "--on-timeout") ok = value(&f->on_timeout);
    else if (a.rfind("--", 0) == 0) return Status::InvalidArgument("unknown option '" + a + "'");
    else f->positional.push_back(a);
    if (!ok) return Status::InvalidArgument(a + " needs a value");
  }
  return Status::Ok();
}

// The configuration as `scan` reads it, with --fail-on over `fail_on`; `fail_on` gets the
// threshold.
Status LoadHookPolicy(const HookFlags& f, PolicyOptions* policy, Threshold* fail_on) {
  if (auto s = LoadPolicyConfig(f.config, policy); !s.ok()) return s;
  if (!f.fail_on.empty()) policy->fail_on = f.fail_on;
  return ParseThreshold(policy->fail_on, f.fail_on.empty() ? "fail_on" : "--fail-on", fail_on);
}

std::string ReadStdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

// Git config value from the repository (and the user's and system config), or "".
std::string GitConfigString(git_repository* repo, const char* key) {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) return "";
  GitConfig config(raw);
  const char* v = nullptr;
  return git_config_get_string(&v, config.get(), key) == 0 && v ? v : "";
}

// Every URL that may name where this push goes: what git passed, and the remote's configured
// url/pushurl before and after insteadOf rewriting.
std::vector<std::string> PushUrls(git_repository* repo, const std::string& remote, const std::string& url) {
  std::vector<std::string> urls{url};
  git_remote* raw = nullptr;
  if (remote.empty() || git_remote_lookup(&raw, repo, remote.c_str()) != 0) return urls;
  GitRemote r(raw);
  if (const char* u = git_remote_url(r.get())) urls.push_back(u);
  if (const char* u = git_remote_pushurl(r.get())) urls.push_back(u);
  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo) == 0) {
    GitConfig config(raw_config);
    for (const char* key : {"url", "pushurl"}) {
      std::string name = "remote." + remote + "." + key;
      git_config_get_multivar_foreach(config.get(), name.c_str(), nullptr, [](const git_config_entry* e, void* out) {
        static_cast<std::vector<std::string>*>(out)->push_back(e->value);
        return 0;
      }, &urls);
    }
  }
  return urls;
}

int Finish(const HookScanOutcome& o, HookKind kind, const std::string& blocked_headline) {
  if (!o.setup_error.empty()) return UsageError(o.setup_error);
  for (const auto& n : o.notes) std::cerr << "cohortguard: note: " << n << "\n";
  PrintPolicyNotes(o, std::cerr);
  if (!o.blocking.empty()) {
    PrintBlockingReport(o, kind, blocked_headline, std::cerr);
    return kExitFindings;
  }
  if (o.incomplete) {
    PrintBlockingReport(o, kind, "the scan could not complete, so this is refused (fail closed):", std::cerr);
    return kExitIncomplete;
  }
  return kExitClean;
}

int PreCommit(const HookFlags& f) {
  git::OpenRepositoriesFromEnvironment();
  PolicyOptions policy;
  Threshold fail_on;
  if (Status s = LoadHookPolicy(f, &policy, &fail_on); !s.ok()) return UsageError("hook pre-commit: " + s.message());
  HookScanRequest req;
  req.source.mode = GitScanMode::kStaged;
  req.policy = &policy;
  req.fail_on = fail_on;
  HookScanOutcome o = RunHookScan(req);
  return Finish(o, HookKind::kPreCommit, "commit blocked: staged files hold participant data or secrets");
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Under the pre-commit framework (stage pre-push) the framework has read stdin and passes one
// ref update in PRE_COMMIT_* variables instead; absent refs mean "all files" (a new root).
std::string RefLinesFromPreCommitFramework() {
  std::string to = Env("PRE_COMMIT_TO_REF"), from = Env("PRE_COMMIT_FROM_REF");
  if (to.empty()) to = "HEAD";
  if (from.empty()) from = std::string(40, '0');
  std::string line;
  for (const std::string& rev : {to, from}) {
    git_oid oid;
    std::string hex = rev;
    if (!git::ParseOid(rev, &oid)) {
      auto repo = git::OpenRepository(".");
      git_object* obj = nullptr;
      if (!repo.ok() || git_revparse_single(&obj, repo->get(), rev.c_str()) != 0) return "";
      hex = git::OidHex(*git_object_id(obj));
      git_object_free(obj);
    }
    std::string branch = Env("PRE_COMMIT_REMOTE_BRANCH");
    line += line.empty() ? "HEAD " + hex + " " + (branch.empty() ? "(unknown)" : branch) + " " : hex;
  }
  return line + "\n";
}

int PrePush(const HookFlags& f) {
  git::OpenRepositoriesFromEnvironment();
  bool framework = f.positional.empty() && !Env("PRE_COMMIT_REMOTE_URL").empty();
  if (f.positional.size() != 2 && !framework)
    return UsageError(std::string("hook pre-push needs REMOTE and URL\n") + kUsage);
  const std::string remote = framework ? Env("PRE_COMMIT_REMOTE_NAME") : f.positional[0];
  const std::string url = framework ? Env("PRE_COMMIT_REMOTE_URL") : f.positional[1];
  auto updates = ParsePrePushLines(framework ? RefLinesFromPreCommitFramework() : ReadStdin());
  if (!updates.ok()) return UsageError("hook pre-push: " + updates.status().message());
  PolicyOptions config;
  if (Status s = LoadPolicyConfig(f.config, &config); !s.ok()) return UsageError("hook pre-push: " + s.message());
  const RemotePolicy& policy = config.remotes;
  auto repo = git::OpenRepository(".");
  if (!repo.ok()) {
    std::cerr << "cohortguard: " << repo.status().message() << ": push refused (fail closed)\n";
    return kExitIncomplete;
  }
  RemoteClassification c = ClassifyRemoteUrls(PushUrls(repo->get(), remote, url), policy);
  Threshold fail_on = policy.FailOn(c.remote_class);
  int64_t max_rows = c.remote_class == RemoteClass::kPublic ? policy.public_max_table_rows : 0;
  std::cerr << "cohortguard: " << remote << " is " << RemoteClassName(c.remote_class) << " (" << c.reason << "); "
            << (fail_on ? std::string("blocking at ") + SeverityName(*fail_on) : std::string("nothing blocks")) << "\n";
  if (!fail_on && max_rows == 0) return kExitClean;

  PushRange range = PrePushRange(repo->get(), *updates, remote == url ? "" : remote);
  for (const auto& n : range.notes) std::cerr << "cohortguard: note: " << n << "\n";
  if (range.revspec.empty()) return kExitClean;
  HookScanRequest req;
  req.source.mode = GitScanMode::kRange;
  req.source.revspec = range.revspec;
  req.policy = &config;
  req.fail_on = fail_on;
  req.max_table_rows = max_rows;
  HookScanOutcome o = RunHookScan(req);
  return Finish(o, HookKind::kPrePush,
                std::string("push to ") + RemoteClassName(c.remote_class) + " remote '" + remote + "' blocked: the commits being pushed carry participant data or secrets");
}

int PreReceive(const HookFlags& f) {
  git::OpenRepositoriesFromEnvironment();
  auto updates = ParsePreReceiveLines(ReadStdin());
  if (!updates.ok()) return UsageError("hook pre-receive: " + updates.status().message());
  auto repo = git::OpenRepository(".");
  if (!repo.ok()) {
    std::cerr << "cohortguard: " << repo.status().message() << ": push refused (fail closed)\n";
    return kExitIncomplete;
  }
  // The pushed commits must not pick their own policy: the config file is the server's.
  std::string config_file = !f.config.empty() ? f.config : GitConfigString(repo->get(), "cohortguard.config");
  if (f.config.empty() && !config_file.empty() && config_file[0] != '/')
    config_file = std::string(git_repository_path(repo->get())) + config_file;  // relative to the repository
  std::string fail_on_text = !f.fail_on.empty() ? f.fail_on : GitConfigString(repo->get(), "cohortguard.failOn");
  std::string timeout_text = !f.timeout.empty() ? f.timeout : GitConfigString(repo->get(), "cohortguard.timeout");
  std::string on_timeout = !f.on_timeout.empty() ? f.on_timeout : GitConfigString(repo->get(), "cohortguard.onTimeout");
  repo->reset();
  PolicyOptions policy;
  if (Status s = LoadServerPolicyConfig(config_file, &policy); !s.ok()) return UsageError("hook pre-receive: " + s.message());
  Threshold fail_on;
  if (Status s = ParseThreshold(fail_on_text.empty() ? policy.fail_on : fail_on_text,
                                fail_on_text.empty() ? "fail_on" : "cohortguard.failOn / --fail-on", &fail_on);
      !s.ok())
    return UsageError("hook pre-receive: " + s.message());
  double timeout_s = 60;
  if (!timeout_text.empty()) {
    char* end = nullptr;
    timeout_s = std::strtod(timeout_text.c_str(), &end);
    if (end == timeout_text.c_str() || *end || timeout_s <= 0)
      return UsageError("hook pre-receive: timeout must be a positive number of seconds, not '" + timeout_text + "'");
  }
  if (on_timeout.empty()) on_timeout = "block";
  if (on_timeout != "block" && on_timeout != "allow")
    return UsageError("hook pre-receive: on-timeout must be block or allow, not '" + on_timeout + "'");

  PushRange range = PreReceiveRange(*updates);
  if (range.revspec.empty()) return kExitClean;
  HookScanRequest req;
  req.source.mode = GitScanMode::kRange;
  req.source.revspec = range.revspec;
  req.policy = &policy;
  req.fail_on = fail_on;
  req.timeout_ms = std::max(1, static_cast<int>(timeout_s * 1000));
  HookScanOutcome o = RunHookScan(req);
  if (o.timed_out) {
    bool block = on_timeout == "block";
    std::cerr << "cohortguard: the scan did not finish within " << timeout_s << " s: "
              << (block ? "push refused (fails closed; cohortguard.onTimeout=allow would let it through unscanned)"
                        : "push accepted UNSCANNED (fails open, as cohortguard.onTimeout=allow says)")
              << "\n";
    std::cerr.flush();
    std::_Exit(block ? kExitFindings : kExitClean);  // the scan thread is still running
  }
  return Finish(o, HookKind::kPreReceive, "push refused: it carries participant data or secrets");
}

int Install(const HookFlags& f, const std::vector<std::string>& args) {
  HookInstallOptions o;
  for (const auto& a : args) {
    if (a == "--pre-commit") o.hooks.push_back("pre-commit");
    else if (a == "--pre-push") o.hooks.push_back("pre-push");
    else if (a == "--pre-receive") o.hooks.push_back("pre-receive");
    else if (a == "--force") o.force = true;
  }
  if (!f.positional.empty()) return UsageError("hook install: unexpected argument '" + f.positional[0] + "'\n" + kUsage);
  if (o.hooks.empty()) o.hooks = {"pre-commit", "pre-push"};
  std::vector<std::string> messages;
  Status s = InstallHooks(o, &messages);
  for (const auto& m : messages) std::cout << m << "\n";
  if (!s.ok()) {
    std::cerr << "cohortguard: hook install: " << s.message() << "\n";
    return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitIncomplete;
  }
  return kExitClean;
}

}  // namespace

int RunHookCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? kExitUsage : kExitClean;
  }
  const std::string& sub = args[0];
  HookFlags f;
  std::vector<std::string> install_flags;
  std::vector<std::string> rest;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (sub == "install" && (a == "--pre-commit" || a == "--pre-push" || a == "--pre-receive" || a == "--force"))
      install_flags.push_back(a);
    else rest.push_back(a);
  }
  Status s = ParseFlags(rest, 0, &f);
  if (!s.ok()) return UsageError("hook " + sub + ": " + s.message() + "\n" + kUsage);
  if (sub == "install") return Install(f, install_flags);
  if (sub == "pre-commit") return PreCommit(f);
  if (sub == "pre-push") return PrePush(f);
  if (sub == "pre-receive") return PreReceive(f);
  return UsageError("hook: unknown subcommand '" + sub + "'\n" + kUsage);
}

}  // namespace cg
