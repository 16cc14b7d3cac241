// Repositories for whole-program hook tests: a work tree with cohortguard's hooks and a bare
// server repository, pushed to through url.insteadOf the way the real remotes would be.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace cg::testing {

inline std::string Rev(const std::string& rev, const std::string& repo) {
  RunResult r = Git({"rev-parse", "--verify", "-q", rev}, repo);
  return r.exit_code == 0 ? r.out : "";
}

// A work tree with cohortguard's hooks, a committed README, and a bare server repository.
struct Fixture {
  TempDir dir;
  std::string work, server;
  Fixture() {
    work = dir.str() + "/work";
    server = dir.str() + "/server.git";
    EXPECT_EQ(Git({"init", "-q", "--bare", server}, dir.str()).exit_code, 0);
    EXPECT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
    RunResult r = Cohortguard({"hook", "install"}, work);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Write("README.md", "# study\n");
    EXPECT_EQ(Git({"add", "README.md"}, work).exit_code, 0);
    EXPECT_EQ(Git({"commit", "-q", "-m", "readme"}, work).exit_code, 0);
  }
  void Write(const std::string& rel, const std::string& text) { dir.Write("work/" + rel, text); }
  RunResult Commit(const std::string& rel, const std::string& text, bool verify = true) {
    Write(rel, text);
    Git({"add", rel}, work);
    std::vector<std::string> args{"commit", "-q", "-m", "add " + rel};
    if (!verify) args.push_back("--no-verify");
    return Git(args, work);
  }
};

// A work tree whose origin is configured as github.com but, through url.insteadOf, really
// writes to a local bare repository: the configured URL makes the push public.
struct PushFixture : Fixture {
  PushFixture() {
    Git({"config", "url." + server + ".insteadOf", "https://github.com/lab/study.git"}, work);
    Git({"remote", "add", "origin", "https://github.com/lab/study.git"}, work);
  }
};

struct ServerFixture {
  TempDir dir;
  std::string work, server;
  ServerFixture() {
    work = dir.str() + "/work";
    server = dir.str() + "/server.git";
    EXPECT_EQ(Git({"init", "-q", "--bare", server}, dir.str()).exit_code, 0);
    RunResult r = Cohortguard({"hook", "install", "--pre-receive"}, server);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
    Git({"remote", "add", "origin", server}, work);
  }
  RunResult CommitAndPush(const std::string& rel, const std::string& text) {
    dir.Write("work/" + rel, text);
    Git({"add", rel}, work);
    Git({"commit", "-q", "-m", rel}, work);
    return Git({"push", "origin", "HEAD:refs/heads/main"}, work);
  }
};

}  // namespace cg::testing
