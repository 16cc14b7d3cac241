// The GitHub visibility check against a tiny HTTP server on 127.0.0.1 (never any other address):
// public, private, 404 and a server too slow to answer, the cache, and a push decided by it.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "support/test_support.h"

namespace cg {
namespace {

using testing::Cohortguard;
using testing::Git;
using testing::RunResult;
using testing::TempDir;

class FakeGithubApi {
 public:
  FakeGithubApi() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(fd_, 16), 0);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakeGithubApi() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  std::string Base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int Requests(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return counts_[path];
  }
  std::string LastAuthorization() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_auth_;
  }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      std::string req;
      char buf[4096];
      while (req.find("\r\n\r\n") == std::string::npos) {
        pollfd q{c, POLLIN, 0};
        if (poll(&q, 1, 1000) <= 0) break;
        ssize_t n = read(c, buf, sizeof buf);
        if (n <= 0) break;
        req.append(buf, static_cast<size_t>(n));
      }
      std::string path = req.substr(req.find(' ') + 1);
      path = path.substr(0, path.find(' '));
      {
        std::lock_guard<std::mutex> lock(mu_);
        counts_[path]++;
        size_t a = req.find("Authorization: ");
        last_auth_ = a == std::string::npos ? "" : req.substr(a, req.find("\r\n", a) - a);
      }
      Respond(c, path);
      close(c);
    }
  }
  void Respond(int c, const std::string& path) {
    int status = 200;
    std::string body;
    if (path == "/repos/lab/open") {
      // A fork: the parent's visibility must not be mistaken for the repository's own.
      body = R"({"name":"open","owner":{"login":"lab"},"private":false,"visibility":"public",)"
             R"("parent":{"private":true,"visibility":"private"}})";
    } else if (path == "/repos/lab/secret") {
      body = R"({"name":"secret","private":true,"visibility":"private"})";
    } else if (path == "/repos/corp/inner") {
      body = R"({"name":"inner","private":true,"visibility":"internal"})";
    } else if (path == "/repos/lab/slow") {
      for (int i = 0; i < 40 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      body = R"({"private":true,"visibility":"private"})";
    } else {
      status = 404;
      body = R"({"message":"Not Found"})";
    }
    std::string resp = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") +
                       "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body;
    ssize_t ignored = write(c, resp.data(), resp.size());
    (void)ignored;
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::map<std::string, int> counts_;
  std::string last_auth_;
};

// Points the cache at a temporary folder and keeps the user's tokens out of the test.
struct Environment {
  TempDir cache;
  Environment() {
    setenv("XDG_CACHE_HOME", cache.str().c_str(), 1);
    unsetenv("GITHUB_TOKEN");
    unsetenv("GH_TOKEN");
    unsetenv("COHORTGUARD_GITHUB_API");
  }
  ~Environment() { unsetenv("XDG_CACHE_HOME"); }
};

std::string Config(const FakeGithubApi& api, int ttl = 600) {
  return "remotes:\n  github:\n    visibility_check: true\n    api: " + api.Base() +
         "\n    timeout_ms: 300\n    cache_ttl: " + std::to_string(ttl) + "\n";
}

TEST(GithubVisibility, PublicPrivateInternal404AndTimeout) {
  Environment env;
  FakeGithubApi api;
  TempDir dir;
  dir.Write("cfg.yaml", Config(api));
  struct { const char* url; const char* cls; const char* why; } cases[] = {
      {"https://github.com/lab/open.git", "public", "GitHub API says public"},
      {"git@github.com:lab/secret.git", "private", "GitHub API says private"},
      {"ssh://git@github.com/corp/inner", "internal", "GitHub API says internal"},
      {"https://github.com/lab/gone", "public", "404"},
      {"https://github.com/lab/slow", "public", "fail closed"},
  };
  for (const auto& c : cases) {
    auto t0 = std::chrono::steady_clock::now();
    RunResult r = Cohortguard({"remote", "classify", "--config", "cfg.yaml", c.url}, dir.str());
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find(' ')), c.cls) << c.url << "\n" << r.out;
    EXPECT_NE(r.out.find(c.why), std::string::npos) << c.url << "\n" << r.out;
    EXPECT_LT(ms, 1500) << c.url << ": the timeout must bound the wait";
  }
  EXPECT_NE(Cohortguard({"remote", "classify", "--config", "cfg.yaml", "https://github.com/lab/gone"}, dir.str())
                .out.find("fail closed"),
            std::string::npos);
  EXPECT_EQ(api.LastAuthorization(), "") << "no token was set";
}

TEST(GithubVisibility, DefiniteAnswersAreCachedFailuresAreNot) {
  Environment env;
  FakeGithubApi api;
  TempDir dir;
  dir.Write("cfg.yaml", Config(api));
  for (int i = 0; i < 3; ++i) {
    RunResult r = Cohortguard({"remote", "classify", "--config", "cfg.yaml", "git@github.com:lab/secret.git"}, dir.str());
    EXPECT_EQ(r.out.substr(0, 7), "private") << r.out;
    if (i > 0) {
      EXPECT_NE(r.out.find("cached"), std::string::npos) << r.out;
    }
  }
  EXPECT_EQ(api.Requests("/repos/lab/secret"), 1);
  for (int i = 0; i < 2; ++i) Cohortguard({"remote", "classify", "--config", "cfg.yaml", "https://github.com/lab/gone"}, dir.str());
  EXPECT_EQ(api.Requests("/repos/lab/gone"), 2) << "a 404 is not an answer worth keeping";

  // A TTL of 0 turns the cache off.
  dir.Write("nocache.yaml", Config(api, 0));
  Cohortguard({"remote", "classify", "--config", "nocache.yaml", "https://github.com/lab/open"}, dir.str());
  Cohortguard({"remote", "classify", "--config", "nocache.yaml", "https://github.com/lab/open"}, dir.str());
  EXPECT_EQ(api.Requests("/repos/lab/open"), 2);
  // A damaged cache file is ignored, not trusted.
  dir.Write("cache-damage.txt", "");
  testing::Run({"sh", "-c", "printf 'garbage\\n\\t\\t\\n' >> \"$XDG_CACHE_HOME/cohortguard/github-visibility.tsv\""}, dir.str());
  RunResult r = Cohortguard({"remote", "classify", "--config", "cfg.yaml", "git@github.com:lab/secret.git"}, dir.str());
  EXPECT_EQ(r.out.substr(0, 7), "private") << r.out;
}

TEST(GithubVisibility, PushToAPrivateGithubRepositoryIsAllowedAndToAnUnknownOneRefused) {
  Environment env;
  FakeGithubApi api;
  TempDir dir;
  std::string work = dir.str() + "/work", server = dir.str() + "/server.git";
  ASSERT_EQ(Git({"init", "-q", "--bare", server}, dir.str()).exit_code, 0);
  ASSERT_EQ(Git({"init", "-q", work}, dir.str()).exit_code, 0);
  ASSERT_EQ(Cohortguard({"hook", "install", "--pre-push"}, work).exit_code, 0);
  dir.Write("work/.cohortguard.yaml", Config(api));
  dir.Write("work/ukb.csv", testing::UkbExtract(300));
  Git({"add", "."}, work);
  ASSERT_EQ(Git({"commit", "-q", "-m", "data"}, work).exit_code, 0);
  for (const char* repo : {"secret", "gone"})
    Git({"config", "--add", std::string("url.") + server + ".insteadOf", std::string("https://github.com/lab/") + repo}, work);
  Git({"remote", "add", "private", "https://github.com/lab/secret"}, work);
  Git({"remote", "add", "unknown", "https://github.com/lab/gone"}, work);
  RunResult r = Git({"push", "-q", "private", "HEAD:refs/heads/main"}, work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = Git({"push", "-q", "unknown", "HEAD:refs/heads/other"}, work);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("fail closed"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cg
