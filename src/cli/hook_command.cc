// cohortguard hook install | pre-commit | pre-push REMOTE URL | pre-receive
//
// The hook subcommands are what the shims in hooks/ run. They read the repository the way git
// describes it to hooks (temporary index, quarantined objects) and never write to it.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <sstream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/hook_install.h"
#include "cli/hook_report.h"
#include "cli/remote_urls.h"
#include "cli/session_options.h"
#include "engine/push_cache.h"
#include "engine/scan_session.h"
#include "policy/remote_url.h"
#include "policy/threshold.h"
#include "source/git_command.h"
#include "source/git_handle.h"
#include "source/git_source.h"
#include "source/push_refs.h"

namespace cg {
namespace {

namespace po = boost::program_options;

struct HookFlags {
  std::string sub;
  std::vector<std::string> positional;
  SessionFlags session;  // --config, --fail-on
  std::string timeout;
  std::string on_timeout;
  bool pre_commit = false, pre_push = false, pre_receive = false, force = false;
};

po::options_description Describe(HookFlags& f) {
  po::options_description d("options");
  d.add_options()("help,h", "show this help");
  AddPolicyFlags(d, f.session, ConfigScope::kWorkTree);
  d.add_options()
      ("timeout", po::value(&f.timeout)->value_name("SECONDS"),
       "pre-receive: stop waiting for the scan after this long (default 60, or cohortguard.timeout)")
      ("on-timeout", po::value(&f.on_timeout)->value_name("block|allow"),
       "pre-receive: refuse the push when the scan did not finish (block, the default), or let it through")
      ("pre-commit", po::bool_switch(&f.pre_commit), "install: the pre-commit hook")
      ("pre-push", po::bool_switch(&f.pre_push), "install: the pre-push hook")
      ("pre-receive", po::bool_switch(&f.pre_receive), "install: the pre-receive hook (on a server)")
      ("force", po::bool_switch(&f.force), "install: keep a hook that is not cohortguard's, chained after ours");
  return d;
}

// Which options each subcommand takes: any other is a usage error, not silently ignored.
Status CheckFlags(const HookFlags& f, const po::variables_map& vm) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kAllowed = {
      {"install", {"pre-commit", "pre-push", "pre-receive", "force"}},
      {"pre-commit", {"config", "fail-on"}},
      {"pre-push", {"config"}},
      {"pre-receive", {"config", "fail-on", "timeout", "on-timeout"}},
  };
  for (const auto& [sub, allowed] : kAllowed) {
    if (sub != f.sub) continue;
    for (const auto& [name, value] : vm) {
      if (name == "sub" || name == "args" || value.defaulted()) continue;
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        return Status::InvalidArgument("--" + name + " does not apply to 'hook " + sub + "'");
    }
    return Status::Ok();
  }
  return Status::InvalidArgument("unknown subcommand '" + f.sub + "' (install, pre-commit, pre-push, pre-receive)");
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

int Finish(const ScanOutcome& o, HookKind kind, const std::string& blocked_headline) {
  if (!o.setup.ok()) return UsageError(o.setup.message());
  for (const auto& sk : o.result.skipped) std::cerr << "cohortguard: note: " << sk.origin.Display() << ": " << sk.reason << "\n";
  PrintPolicyNotes(o, std::cerr);
  if (!o.blocking.empty()) PrintBlockingReport(o, kind, blocked_headline, std::cerr);
  else if (o.incomplete)
    PrintBlockingReport(o, kind, "the scan could not complete, so this is refused (fail closed):", std::cerr);
  return ExitCodeFor(o);
}

// No FILE: the staged changes. FILEs: those files, as the pre-commit framework names them
// (the staged ones for a commit, every tracked one for `pre-commit run --all-files`, with
// unstaged changes stashed away), so an extract committed earlier is found too.
int PreCommit(const HookFlags& f) {
  git::OpenRepositoriesFromEnvironment();
  ScanRequest req;
  if (Status s = FillRequest(f.session, ConfigScope::kWorkTree, &req); !s.ok()) return UsageError("hook pre-commit: " + s.message());
  if (!f.positional.empty()) {
    req.source.kind = ScanTarget::Kind::kFiles;
    req.source.files.paths = f.positional;
    return Finish(RunScanSession(req), HookKind::kPreCommitFiles, "blocked: these files hold participant data or secrets");
  }
  req.source.kind = ScanTarget::Kind::kGit;
  req.source.git.mode = GitScanMode::kStaged;
  req.source.git.git_binary = true;  // no libgit2 start-up in the commit path (README: Hook latency)
  return Finish(RunScanSession(req), HookKind::kPreCommit, "commit blocked: staged files hold participant data or secrets");
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Under the pre-commit framework (stage pre-push) the framework has read stdin and passes one
// ref update in PRE_COMMIT_* variables instead; absent refs mean "all files" (a new root).
Expected<std::string> RefLinesFromPreCommitFramework() {
  std::string to = Env("PRE_COMMIT_TO_REF"), from = Env("PRE_COMMIT_FROM_REF");
  if (to.empty()) to = "HEAD";
  if (from.empty()) from = std::string(40, '0');
  std::string line;
  for (const std::string& rev : {to, from}) {
    std::string hex = rev;
    bool is_id = (rev.size() == 40 || rev.size() == 64) && rev.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!is_id) {
      // git resolves it whatever the object format (libgit2 1.5 reads SHA-1 only).
      auto resolved = git::RunGit(".", {"rev-parse", "--verify", "--end-of-options", rev + "^{commit}"});
      if (!resolved.ok()) return Status::IoError("cannot resolve " + rev + " from the pre-commit framework: " + resolved.status().message());
      hex = *resolved;
      while (!hex.empty() && hex.back() == '\n') hex.pop_back();
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
    return UsageError("hook pre-push needs REMOTE and URL (see 'cohortguard hook --help')");
  const std::string remote = framework ? Env("PRE_COMMIT_REMOTE_NAME") : f.positional[0];
  const std::string url = framework ? Env("PRE_COMMIT_REMOTE_URL") : f.positional[1];
  std::string ref_lines;
  if (framework) {
    auto lines = RefLinesFromPreCommitFramework();
    if (!lines.ok()) {
      std::cerr << "cohortguard: " << lines.status().message() << ": push refused (fail closed)\n";
      return kExitIncomplete;
    }
    ref_lines = *lines;
  } else {
    ref_lines = ReadStdin();
  }
  auto updates = ParsePrePushLines(ref_lines);
  if (!updates.ok()) return UsageError("hook pre-push: " + updates.status().message());
  ScanRequest req;
  if (Status s = FillRequest(f.session, ConfigScope::kWorkTree, &req); !s.ok()) return UsageError("hook pre-push: " + s.message());
  const RemotePolicy& policy = req.policy.remotes;
  auto repo = git::OpenRepositorySettings(".");  // settings only: SHA-256 too
  if (!repo.ok()) {
    std::cerr << "cohortguard: " << repo.status().message() << ": push refused (fail closed)\n";
    return kExitIncomplete;
  }
  RemoteClassification c = ClassifyRemoteUrls(PushUrlCandidates(repo->get(), remote, url), policy);
  Threshold fail_on = policy.FailOn(c.remote_class);
  int64_t max_rows = c.remote_class == RemoteClass::kPublic ? policy.public_max_table_rows : 0;
  const std::string shown = RedactUrl(remote);  // git passes a URL typed with its credentials as the name
  std::cerr << "cohortguard: " << shown << " is " << RemoteClassName(c.remote_class) << " (" << c.reason << "); "
            << (fail_on ? std::string("blocking at ") + SeverityName(*fail_on) : std::string("nothing blocks")) << "\n";
  if (!fail_on && max_rows == 0) return kExitClean;
  if (c.remote_class == RemoteClass::kPublic && req.policy.allow_partial_clone && git::IsPartialClone(repo->get())) {
    // git would fetch what it lacks from the promisor remote and send it on, unread.
    req.policy.allow_partial_clone = false;
    std::cerr << "cohortguard: note: allow_partial_clone does not apply to a push to a public remote: objects this "
                 "partial clone has not fetched would leave unread (to read them first: git rev-list --objects "
                 "--missing=print --all | sed -n 's/^?//p' | git cat-file --batch >/dev/null)\n";
  }

  req.policy.fail_on = fail_on;
  req.max_table_rows = max_rows;
  // What the destination has: git's word for the refs pushed, and what this hook let through
  // for the same URL under the same policy (engine/push_cache); never remote-tracking refs.
  const std::string cache_dir = std::string(git_repository_commondir(repo->get())) + "cohortguard";
  auto digest = PushCacheDigest(req);
  if (!digest.ok()) return UsageError("hook pre-push: " + digest.status().message());
  PushRange range = PrePushRange(repo->get(), *updates, LoadDestinationTips(cache_dir, *digest, url));
  repo->reset();
  for (const auto& n : range.notes) std::cerr << "cohortguard: note: " << n << "\n";
  if (range.revspec.empty()) return kExitClean;
  req.source.kind = ScanTarget::Kind::kGit;
  req.source.git.mode = GitScanMode::kRange;
  req.source.git.revspec = range.revspec;
  req.clean_cache_dir = cache_dir;
  ScanOutcome o = RunScanSession(req);
  if (o.known_clean) std::cerr << "cohortguard: " << o.known_clean << " blob(s) already scanned clean under this policy: not read again\n";
  if (!o.cache_note.empty()) std::cerr << "cohortguard: note: scan cache: " << o.cache_note << "\n";
  if (o.blocking.empty() && !o.incomplete)
    PrintAllowedFindings(o, std::string(RemoteClassName(c.remote_class)) + " remote '" + shown + "'",
                         std::string("remotes.fail_on.") + RemoteClassName(c.remote_class) + " is " + ThresholdName(fail_on) +
                             ": allowed, but it has left this machine once the push is done",
                         std::cerr);
  int code = Finish(o, HookKind::kPrePush,
                    std::string("push to ") + RemoteClassName(c.remote_class) + " remote '" + shown +
                        "' blocked: the commits being pushed carry participant data or secrets");
  if (code == kExitClean) {
    std::vector<std::string> tips;
    for (const auto& u : *updates)
      if (!IsZeroSha(u.new_sha)) tips.push_back(u.new_sha);
    if (Status st = AddDestinationTips(cache_dir, *digest, url, tips); !st.ok())
      std::cerr << "cohortguard: note: scan cache: " << st.message() << "\n";
  }
  return code;
}

std::string FormatSeconds(double s) {
  std::ostringstream out;
  out << s;
  return out.str();
}

int PreReceive(const HookFlags& f) {
  git::OpenRepositoriesFromEnvironment();
  auto updates = ParsePreReceiveLines(ReadStdin());
  if (!updates.ok()) return UsageError("hook pre-receive: " + updates.status().message());
  auto repo = git::OpenRepositorySettings(".");  // settings only: SHA-256 too
  if (!repo.ok()) {
    std::cerr << "cohortguard: " << repo.status().message() << ": push refused (fail closed)\n";
    return kExitIncomplete;
  }
  // The pushed commits must not pick their own policy: the config file is the server's.
  SessionFlags flags = f.session;
  if (flags.config.empty()) {
    flags.config = GitConfigString(repo->get(), "cohortguard.config");
    if (!flags.config.empty() && flags.config[0] != '/')
      flags.config = std::string(git_repository_path(repo->get())) + flags.config;  // relative to the repository
  }
  if (flags.fail_on.empty()) flags.fail_on = GitConfigString(repo->get(), "cohortguard.failOn");
  std::string timeout_text = !f.timeout.empty() ? f.timeout : GitConfigString(repo->get(), "cohortguard.timeout");
  std::string on_timeout = !f.on_timeout.empty() ? f.on_timeout : GitConfigString(repo->get(), "cohortguard.onTimeout");
  repo->reset();
  ScanRequest req;
  if (Status s = FillRequest(flags, ConfigScope::kOperator, &req); !s.ok()) return UsageError("hook pre-receive: " + s.message());
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
  req.source.kind = ScanTarget::Kind::kGit;
  req.source.git.mode = GitScanMode::kRange;
  req.source.git.revspec = range.revspec;
  req.timeout_ms = std::max(1, static_cast<int>(timeout_s * 1000));
  ScanOutcome o = RunScanSession(req);
  if (o.timed_out && !o.blocking.empty()) {
    // Found before the deadline: refused whatever onTimeout says (it lets only unscanned
    // objects through).
    PrintBlockingReport(o, HookKind::kPreReceive,
                        "push refused: it carries participant data or secrets (found before the " +
                            FormatSeconds(timeout_s) + " s time budget ran out; the rest was not scanned)",
                        std::cerr);
    std::cerr.flush();
    std::_Exit(kExitFindings);  // the scan thread is still running
  }
  if (o.timed_out) {
    bool block = on_timeout == "block";
    std::cerr << "cohortguard: the scan did not finish within " << timeout_s << " s: "
              << (block ? "push refused (fails closed; cohortguard.onTimeout=allow would let it through unscanned)"
                        : "nothing found by then blocks, so the push is accepted with the rest UNSCANNED (fails open, as cohortguard.onTimeout=allow says)")
              << "\n";
    std::cerr.flush();
    std::_Exit(block ? kExitFindings : kExitClean);  // the scan thread is still running
  }
  return Finish(o, HookKind::kPreReceive, "push refused: it carries participant data or secrets");
}

int Install(const HookFlags& f) {
  HookInstallOptions o;
  if (f.pre_commit) o.hooks.push_back("pre-commit");
  if (f.pre_push) o.hooks.push_back("pre-push");
  if (f.pre_receive) o.hooks.push_back("pre-receive");
  o.force = f.force;
  if (!f.positional.empty()) return UsageError("hook install: unexpected argument '" + f.positional[0] + "'");
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

po::options_description HookOptionsDescription() {
  static HookFlags unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunHookCommand(const std::vector<std::string>& args) {
  HookFlags f;
  po::options_description desc = Describe(f);
  po::options_description hidden;
  hidden.add_options()("sub", po::value(&f.sub))("args", po::value(&f.positional));
  po::positional_options_description pos;
  pos.add("sub", 1).add("args", -1);
  po::variables_map vm;
  if (auto done = ParseCommandLine("hook", args, desc, hidden, pos, &vm)) return *done;
  if (f.sub.empty()) return UsageError("hook: which one? install, pre-commit, pre-push or pre-receive (see 'cohortguard hook --help')");
  if (Status s = CheckFlags(f, vm); !s.ok()) return UsageError("hook: " + s.message() + " (see 'cohortguard hook --help')");
  if (f.sub == "install") return Install(f);
  if (f.sub == "pre-commit") return PreCommit(f);
  if (f.sub == "pre-push") return PrePush(f);
  return PreReceive(f);
}

}  // namespace cg
