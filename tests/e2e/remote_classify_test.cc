// Where a push really goes, as git and ssh read the URL, and what the hook says about it: host
// spellings that still mean github.com, ssh Host aliases, remote names, credentials in URLs,
// and findings that policy lets through to an internal server.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::Fixture;
using testing::Git;
using testing::Rev;
using testing::RunResult;

constexpr const char* kToken = "ghp_R3dact3dT0kenValue0123456789abcdefAB";

// git (and the hook it runs) with HOME pointing at the test's own folder.
RunResult GitWithHome(const std::string& home, const std::vector<std::string>& args, const std::string& cwd) {
  Git({"--version"}, cwd);  // the helper's hermetic environment (no user or system config)
  std::vector<std::string> argv{"env", "HOME=" + home, "git", "-c", "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::Run(argv, cwd);
}

TEST(RemoteClassify, HostSpellingsGitConnectsToGithubWithArePublic) {
  testing::TempDir dir;
  for (const char* url : {"https://github.com./lab/study.git", "git@github.com.:lab/study.git",
                          "https://github.com#@lab.example.invalid/", "https://github.com?@lab.example.invalid/x",
                          "ssh://git@GitHub.com.:22/lab/study"}) {
    RunResult r = testing::Cohortguard({"remote", "classify", url}, dir.str());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("public", 0), 0u) << url << ": " << r.out;
  }
  RunResult r = testing::Cohortguard({"remote", "classify", "https://lab.example.invalid/x"}, dir.str());
  EXPECT_EQ(r.out.rfind("internal", 0), 0u) << "a plain self-hosted server stays internal: " << r.out;
}

TEST(RemoteClassify, SshHostAliasIsResolvedThroughIncludeAndMatchAsSshDoes) {
  Fixture fx;
  std::string home = fx.dir.str() + "/home";
  fx.dir.Write("home/.ssh/config",
               "# lab machines\nInclude conf.d/*.conf\nHost *\n  ServerAliveInterval 30\n");
  fx.dir.Write("home/.ssh/conf.d/lab.conf",
               "Host lab !lab-internal\n  HostName github.com\n  User git\n"
               "Match host mirror exec \"test -e /nonexistent\"\n  HostName gitlab.com\n"
               "Host mirror\n  HostName git.example.invalid\n");
  auto classify = [&](const std::string& url) {
    return testing::Run({"env", "HOME=" + home, COHORTGUARD_BINARY, "remote", "classify", url}, fx.work);
  };
  RunResult r = classify("lab:lab/study.git");
  EXPECT_EQ(r.out.rfind("public", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("HostName github.com"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lab.conf:2"), std::string::npos) << "names where it was set: " << r.out;
  // A Match that cannot be judged here (exec) may apply: its HostName counts too.
  r = classify("ssh://mirror/lab/study");
  EXPECT_EQ(r.out.rfind("public", 0), 0u) << r.out;
  // Not an alias: the host itself.
  r = classify("git@elsewhere.example.invalid:lab/study.git");
  EXPECT_EQ(r.out.rfind("internal", 0), 0u) << r.out;

  // The pre-push hook reads the same file: origin = lab:lab/study.git (really the test's server).
  ASSERT_EQ(Git({"config", "url." + fx.server + ".insteadOf", "lab:lab/study.git"}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"remote", "add", "origin", "lab:lab/study.git"}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("data/ukb.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  r = GitWithHome(home, {"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("origin is public (ssh host lab is HostName github.com"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), "");
}

TEST(RemoteClassify, RemoteNameStandsForItsUrlsNotForAPath) {
  Fixture fx;
  ASSERT_EQ(Git({"remote", "add", "origin", "https://github.com/lab/study.git"}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"remote", "add", "backup", fx.server}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"remote", "set-url", "--push", "backup", "git@gitlab.com:lab/study.git"}, fx.work).exit_code, 0);
  RunResult r = testing::Cohortguard({"remote", "classify", "origin"}, fx.work);
  EXPECT_EQ(r.out.rfind("public  origin (https://github.com/lab/study.git)", 0), 0u) << r.out;
  r = testing::Cohortguard({"remote", "classify", "backup"}, fx.work);
  EXPECT_EQ(r.out.rfind("public", 0), 0u) << "its pushurl is public: " << r.out;
  EXPECT_NE(r.out.find("gitlab.com"), std::string::npos) << r.out;
}

TEST(RemoteClassify, CredentialsInUrlsAreNeverPrinted) {
  Fixture fx;
  const std::string url = std::string("https://lab-bot:") + kToken + "@github.com/lab/study.git";
  RunResult r = testing::Cohortguard({"remote", "classify", url, std::string("https://") + kToken + "@github.com/x/y"},
                                     fx.work);
  EXPECT_EQ(r.out.rfind("public", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find(kToken), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("https://***@github.com/lab/study.git"), std::string::npos) << r.out;

  // A push to the URL typed with its token, and to a remote configured with it.
  ASSERT_EQ(Git({"config", "url." + fx.server + ".insteadOf", url}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("data/ukb.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  r = Git({"push", url, "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kToken), std::string::npos) << r.err;
  ASSERT_EQ(Git({"remote", "add", "origin", url}, fx.work).exit_code, 0);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find(kToken), std::string::npos) << r.err;
  r = testing::Cohortguard({"remote", "classify", "origin"}, fx.work);
  EXPECT_EQ(r.out.find(kToken), std::string::npos) << r.out;
  EXPECT_EQ(Rev("main", fx.server), "");
}

// The remote's URL spelled in ways git still connects to github.com with: the hook refuses, as
// `remote classify` says.
TEST(PrePushHook, GithubSpelledWithATrailingDotOrAFragmentBlocksThePush) {
  for (const char* url : {"https://github.com./lab/study.git", "https://github.com#@lab.example.invalid/study.git",
                          "ssh://git@GitHub.com.:22/lab/study"}) {
    Fixture fx;
    ASSERT_EQ(Git({"config", "url." + fx.server + ".insteadOf", url}, fx.work).exit_code, 0);
    ASSERT_EQ(Git({"remote", "add", "origin", url}, fx.work).exit_code, 0);
    ASSERT_EQ(fx.Commit("data/ukb.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
    RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
    EXPECT_NE(r.exit_code, 0) << url << ": " << r.err;
    EXPECT_NE(r.err.find("origin is public"), std::string::npos) << url << ": " << r.err;
    EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << url << ": " << r.err;
    EXPECT_EQ(Rev("main", fx.server), "") << url;
  }
}

// pushInsteadOf sends a push typed as an internal-looking URL (or a remote configured with one)
// to github.com over ssh; here an ssh stand-in delivers to the test's server. The hook and
// `remote classify` see where git connects, not what was typed.
TEST(PrePushHook, PushInsteadOfThatSendsAnInternalLookingUrlToGithubIsPublic) {
  Fixture fx;
  const std::string home = fx.dir.str() + "/home";  // no ssh config of the account running the tests
  fx.dir.Write("home/.keep", "");
  const std::string ssh = fx.dir.Write("ssh-to-server", "#!/bin/sh\nexec git receive-pack '" + fx.server + "'\n").string();
  ASSERT_EQ(chmod(ssh.c_str(), 0755), 0);
  ASSERT_EQ(Git({"config", "url.git@github.com:lab/.pushInsteadOf", "lab:"}, fx.work).exit_code, 0);
  auto push = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv{"env", "HOME=" + home, "GIT_SSH_COMMAND=" + ssh, "GIT_SSH_VARIANT=simple", "git"};
    argv.insert(argv.end(), args.begin(), args.end());
    return testing::Run(argv, fx.work);
  };
  RunResult r = testing::Run({"env", "HOME=" + home, COHORTGUARD_BINARY, "remote", "classify", "lab:study.git"}, fx.work);
  EXPECT_EQ(r.out.rfind("public", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("github.com"), std::string::npos) << r.out;
  // Outside this repository (no pushInsteadOf) the same text is an ssh host 'lab': internal.
  r = testing::Run({"env", "HOME=" + home, COHORTGUARD_BINARY, "remote", "classify", "lab:study.git"}, fx.dir.str());
  EXPECT_EQ(r.out.rfind("internal", 0), 0u) << r.out;

  // The stand-in really delivers: a clean push goes through.
  r = push({"push", "lab:study.git", "HEAD:refs/heads/clean"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is public"), std::string::npos) << r.err;
  ASSERT_NE(Rev("clean", fx.server), "");

  ASSERT_EQ(fx.Commit("data/ukb.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  r = push({"push", "lab:study.git", "HEAD:refs/heads/main"});
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  ASSERT_EQ(Git({"remote", "add", "origin", "lab:study.git"}, fx.work).exit_code, 0);
  r = push({"push", "origin", "HEAD:refs/heads/main"});
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("origin is public"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), "");
}

TEST(PrePushHook, MediumFindingPushedToInternalServerPassesWithAWarning) {
  Fixture fx;
  ASSERT_EQ(Git({"config", "url." + fx.server + ".insteadOf", "https://git.example.invalid/lab/study.git"}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"remote", "add", "origin", "https://git.example.invalid/lab/study.git"}, fx.work).exit_code, 0);
  // A 15-row extract is a medium finding: below the internal threshold (high).
  ASSERT_EQ(fx.Commit("small/ukb.csv", testing::UkbExtract(15), /*verify=*/false).exit_code, 0);
  RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is internal"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning: medium ukbiobank.main-dataset in small/ukb.csv goes to internal remote 'origin'"),
            std::string::npos) << r.err;
  EXPECT_NE(Rev("main", fx.server), "");
}

// Userinfo of an internal server's URL (https://user:password@host/..., https://TOKEN@host/...)
// in everything the pre-push hook prints: a clean push, one that passes with a warning, one it
// refuses, with the remote's name or the URL typed, and `remote classify`.
TEST(PrePushHook, CredentialsOfAnInternalPushUrlAreNeverPrinted) {
  Fixture fx;
  const std::string password = "Pa55-w0rd-of-the-lab-bot-7f3e";
  const std::string url = "https://lab-bot:" + password + "@git.example.invalid/lab/study.git";
  const std::string token_url = std::string("https://") + kToken + "@git.example.invalid/lab/study.git";
  for (const std::string& u : {url, token_url})
    ASSERT_EQ(Git({"config", "--add", "url." + fx.server + ".insteadOf", u}, fx.work).exit_code, 0);
  ASSERT_EQ(Git({"remote", "add", "origin", url}, fx.work).exit_code, 0);
  auto never_printed = [&](const RunResult& r, const std::string& what) {
    const std::string all = r.out + r.err;
    EXPECT_EQ(all.find(password), std::string::npos) << what << ": " << all;
    EXPECT_EQ(all.find(password.substr(0, 8)), std::string::npos) << what << ": " << all;
    EXPECT_EQ(all.find(kToken), std::string::npos) << what << ": " << all;
    EXPECT_EQ(all.find(std::string(kToken).substr(4, 12)), std::string::npos) << what << ": " << all;
    EXPECT_EQ(all.find("lab-bot"), std::string::npos) << what << ": the user name is userinfo too: " << all;
  };

  ASSERT_EQ(fx.Commit("analysis/model.R", "fit <- lm(y ~ x)\n", /*verify=*/false).exit_code, 0);
  RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("origin is internal"), std::string::npos) << r.err;
  never_printed(r, "clean push to origin");

  // A 15-row extract is medium: it passes to an internal server, with a warning naming it.
  ASSERT_EQ(fx.Commit("small/ukb.csv", testing::UkbExtract(15), /*verify=*/false).exit_code, 0);
  const std::string medium = Rev("HEAD", fx.work);
  r = Git({"push", url, "HEAD:refs/heads/main"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: medium ukbiobank.main-dataset in small/ukb.csv goes to internal remote "
                       "'https://***@git.example.invalid/lab/study.git'"),
            std::string::npos) << r.err;
  never_printed(r, "medium finding pushed to the URL typed");

  // A 300-row extract is high: refused, with the report and how to fix it.
  ASSERT_EQ(fx.Commit("data/ukb.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  for (const std::string& destination : {token_url, std::string("origin")}) {
    r = Git({"push", destination, "HEAD:refs/heads/main"}, fx.work);
    EXPECT_NE(r.exit_code, 0) << destination << ": " << r.err;
    EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("How to fix"), std::string::npos) << r.err;
    never_printed(r, "refused push");
  }
  EXPECT_EQ(Rev("main", fx.server), medium);

  for (const std::string& what : {std::string("origin"), url, token_url}) {
    r = testing::Cohortguard({"remote", "classify", what}, fx.work);
    EXPECT_EQ(r.out.rfind("internal", 0), 0u) << r.out;
    never_printed(r, "remote classify");
  }
}

}  // namespace
}  // namespace cg
