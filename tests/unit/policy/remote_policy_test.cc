#include "policy/remote_policy.h"

#include <gtest/gtest.h>

#include <map>

namespace cg {
namespace {

RemotePolicy Policy(const std::string& yaml) {
  RemotePolicy p = DefaultRemotePolicy();
  p.github.token.clear();
  p.github_api_trusted = false;
  p.github.api_base = "https://api.github.com";
  Status s = ParseRemotePolicy(YAML::Load(yaml)["remotes"], "cfg.yaml", &p);
  EXPECT_TRUE(s.ok()) << s.message();
  return p;
}

// A visibility check that answers from a table and records what it was asked.
struct FakeGithub {
  std::map<std::string, Visibility> answers;
  std::vector<std::string> asked;
  std::vector<std::string> tokens;
  VisibilityCheckFn Fn() {
    return [this](const std::string& owner, const std::string& repo, const GithubCheckOptions& o) {
      asked.push_back(owner + "/" + repo);
      tokens.push_back(o.token);
      VisibilityAnswer a;
      auto it = answers.find(owner + "/" + repo);
      a.visibility = it == answers.end() ? Visibility::kUnknown : it->second;
      a.reason = it == answers.end() ? "no answer" : std::string("says ") + VisibilityName(a.visibility);
      return a;
    };
  }
};

TEST(RemotePolicy, ClassifiesPublicHostsInEveryUrlForm) {
  RemotePolicy p = Policy("{}");
  struct { const char* url; RemoteClass c; } cases[] = {
      {"https://github.com/lab/study.git", RemoteClass::kPublic},
      {"git@github.com:lab/study.git", RemoteClass::kPublic},
      {"ssh://git@ssh.github.com:443/lab/study.git", RemoteClass::kPublic},
      {"https://gitlab.com/lab/sub/study", RemoteClass::kPublic},
      {"git@bitbucket.org:lab/study.git", RemoteClass::kPublic},
      {"https://codeberg.org/lab/study", RemoteClass::kPublic},
      {"https://huggingface.co/datasets/lab/cohort", RemoteClass::kPublic},
      {"git@hf.co:spaces/lab/app", RemoteClass::kPublic},
      {"https://git.internal.example.ac.uk/lab/study.git", RemoteClass::kInternal},
      {"git@gitlab.uni.example:lab/study.git", RemoteClass::kInternal},
      {"/srv/git/study.git", RemoteClass::kPrivate},
      {"file:///srv/git/study.git", RemoteClass::kPrivate},
      {"https://notgithub.com/lab/study", RemoteClass::kInternal},
  };
  for (const auto& c : cases) {
    auto r = ClassifyRemoteUrl(c.url, p);
    EXPECT_EQ(r.remote_class, c.c) << c.url << ": " << r.reason;
    EXPECT_FALSE(r.reason.empty());
  }
}

TEST(RemotePolicy, ConfiguredPatternsOverrideHostsAndPublicPatternsWin) {
  RemotePolicy p = Policy(R"(
remotes:
  private: ["github.com/my-lab/*", "git@gitlab.com:secret-group/**"]
  public: ["github.com/my-lab/website", "/srv/mirror/**"]
  internal: ["bitbucket.org/corp/*"]
  public_hosts: [git.publicforge.example]
)");
  struct { const char* url; RemoteClass c; } cases[] = {
      {"git@github.com:My-Lab/analysis.git", RemoteClass::kPrivate},
      {"https://github.com/my-lab/website.git", RemoteClass::kPublic},
      {"https://gitlab.com/secret-group/a/b.git", RemoteClass::kPrivate},
      {"https://bitbucket.org/corp/x", RemoteClass::kInternal},
      {"https://github.com/other-lab/analysis", RemoteClass::kPublic},
      {"/srv/mirror/lab/study.git", RemoteClass::kPublic},
      {"https://git.publicforge.example/a/b", RemoteClass::kPublic},
  };
  for (const auto& c : cases) {
    auto r = ClassifyRemoteUrl(c.url, p);
    EXPECT_EQ(r.remote_class, c.c) << c.url << ": " << r.reason;
  }
  EXPECT_NE(ClassifyRemoteUrl("git@github.com:my-lab/a", p).reason.find("github.com/my-lab/*"), std::string::npos);
}

TEST(RemotePolicy, MostExposedUrlWinsSoAnAliasCannotHideAPublicHost) {
  RemotePolicy p = Policy("{}");
  auto r = ClassifyRemoteUrls({"/srv/git/study.git", "https://github.com/lab/study.git", "git@corp.example:x/y"}, p);
  EXPECT_EQ(r.remote_class, RemoteClass::kPublic);
  EXPECT_EQ(r.url, "https://github.com/lab/study.git");
  EXPECT_EQ(ClassifyRemoteUrls({"/srv/a", "git@corp.example:x/y"}, p).remote_class, RemoteClass::kInternal);
  EXPECT_EQ(ClassifyRemoteUrls({}, p).remote_class, RemoteClass::kPublic) << "no URL fails closed";
}

TEST(RemotePolicy, VisibilityCheckDecidesGithubAndFailsClosed) {
  RemotePolicy p = Policy("remotes: {github: {visibility_check: true}}");
  FakeGithub gh;
  gh.answers = {{"lab/secret", Visibility::kPrivate}, {"lab/open", Visibility::kPublic},
                {"corp/inner", Visibility::kInternal}};
  EXPECT_EQ(ClassifyRemoteUrl("git@github.com:lab/secret.git", p, gh.Fn()).remote_class, RemoteClass::kPrivate);
  EXPECT_EQ(ClassifyRemoteUrl("https://github.com/lab/open", p, gh.Fn()).remote_class, RemoteClass::kPublic);
  EXPECT_EQ(ClassifyRemoteUrl("https://github.com/corp/inner", p, gh.Fn()).remote_class, RemoteClass::kInternal);
  auto unknown = ClassifyRemoteUrl("https://github.com/lab/gone", p, gh.Fn());
  EXPECT_EQ(unknown.remote_class, RemoteClass::kPublic);
  EXPECT_NE(unknown.reason.find("fail closed"), std::string::npos) << unknown.reason;
  // Not GitHub: never asked.
  gh.asked.clear();
  EXPECT_EQ(ClassifyRemoteUrl("https://gitlab.com/lab/secret", p, gh.Fn()).remote_class, RemoteClass::kPublic);
  EXPECT_TRUE(gh.asked.empty());
  // Not OWNER/REPO: not asked, public.
  EXPECT_EQ(ClassifyRemoteUrl("https://github.com/lab", p, gh.Fn()).remote_class, RemoteClass::kPublic);
  EXPECT_TRUE(gh.asked.empty());
}

TEST(RemotePolicy, VisibilityCheckIsOffByDefault) {
  RemotePolicy p = Policy("{}");
  FakeGithub gh;
  gh.answers = {{"lab/secret", Visibility::kPrivate}};
  EXPECT_EQ(ClassifyRemoteUrl("git@github.com:lab/secret.git", p, gh.Fn()).remote_class, RemoteClass::kPublic);
  EXPECT_TRUE(gh.asked.empty());
}

TEST(RemotePolicy, TokenGoesOnlyToGithubOrThePushedHostNeverToARepositoryChosenApi) {
  RemotePolicy p = Policy("remotes: {github: {visibility_check: true, api: 'https://collector.evil.example'}}");
  p.github.token = "tok";
  FakeGithub gh;
  ClassifyRemoteUrl("https://github.com/lab/x", p, gh.Fn());
  ASSERT_EQ(gh.tokens.size(), 1u);
  EXPECT_EQ(gh.tokens[0], "") << "token sent to an API base named by the repository's own config";

  RemotePolicy ghe = Policy("remotes: {github: {visibility_check: true, api: 'https://ghe.corp.example/api/v3', hosts: [ghe.corp.example]}}");
  ghe.github.token = "tok";
  ClassifyRemoteUrl("git@ghe.corp.example:lab/x.git", ghe, gh.Fn());
  ASSERT_EQ(gh.tokens.size(), 1u) << "ghe.corp.example is not a public host: no check";
  ghe.public_hosts.push_back("ghe.corp.example");
  ClassifyRemoteUrl("git@ghe.corp.example:lab/x.git", ghe, gh.Fn());
  ASSERT_EQ(gh.tokens.size(), 2u);
  EXPECT_EQ(gh.tokens[1], "tok");

  RemotePolicy dflt = Policy("remotes: {github: {visibility_check: true}}");
  dflt.github.token = "tok";
  ClassifyRemoteUrl("https://github.com/lab/x", dflt, gh.Fn());
  EXPECT_EQ(gh.tokens.back(), "tok");
}

TEST(RemotePolicy, ThresholdsDefaultAndConfigured) {
  RemotePolicy d = Policy("{}");
  EXPECT_EQ(d.FailOn(RemoteClass::kPublic), Severity::kMedium);
  EXPECT_EQ(d.FailOn(RemoteClass::kInternal), Severity::kHigh);
  EXPECT_FALSE(d.FailOn(RemoteClass::kPrivate).has_value());
  RemotePolicy c = Policy("remotes: {fail_on: {public: low, internal: never, private: high}, public_max_table_rows: 100}");
  EXPECT_EQ(c.FailOn(RemoteClass::kPublic), Severity::kLow);
  EXPECT_FALSE(c.FailOn(RemoteClass::kInternal).has_value());
  EXPECT_EQ(c.FailOn(RemoteClass::kPrivate), Severity::kHigh);
  EXPECT_EQ(c.public_max_table_rows, 100);
}

TEST(RemotePolicy, BadConfigurationNamesFileLineAndKey) {
  struct { const char* yaml; const char* expect; } cases[] = {
      {"remotes:\n  fail_on:\n    public: sometimes\n", "cfg.yaml:3: remotes.fail_on.public"},
      {"remotes:\n  fail_on: {secret: high}\n", "remotes.fail_on.secret"},
      {"remotes:\n  colour: blue\n", "cfg.yaml:2: remotes.colour: unknown key"},
      {"remotes:\n  private: {a: b}\n", "remotes.private: must be a list"},
      {"remotes:\n  public_max_table_rows: lots\n", "remotes.public_max_table_rows: must be a whole number"},
      {"remotes:\n  github: {api: 'ftp://x'}\n", "remotes.github.api: must be an http(s) URL"},
      {"remotes:\n  github: {visibility_check: maybe}\n", "remotes.github.visibility_check"},
      {"remotes: [a]\n", "remotes: must be a mapping"},
  };
  for (const auto& c : cases) {
    RemotePolicy p = DefaultRemotePolicy();
    Status s = ParseRemotePolicy(YAML::Load(c.yaml)["remotes"], "cfg.yaml", &p);
    EXPECT_FALSE(s.ok()) << c.yaml;
    EXPECT_NE(s.message().find(c.expect), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace cg
