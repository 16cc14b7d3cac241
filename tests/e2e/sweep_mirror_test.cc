// Whole-program tests of `cohortguard sweep mirror`: a fake GitHub API on 127.0.0.1 lists the
// repositories (pages, ETags, a rate limit), and git's url.<base>.insteadOf sends the clone URLs
// it gives to local bare repositories. Nothing leaves the machine.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/fake_http_server.h"
#include "support/test_support.h"

namespace cg {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::Cohortguard;
using testing::FakeHttpServer;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::MustGit;
using testing::RunResult;
using testing::TempDir;

constexpr const char* kToken = "ghp_MirrorTestToken0123456789abcdefABCDEF";
const std::string kHost = "https://github.example.invalid/";

json Repo(int64_t id, const std::string& full_name, bool archived = false, bool fork = false) {
  return {{"id", id},
          {"full_name", full_name},
          {"clone_url", kHost + full_name + ".git"},
          {"html_url", kHost + full_name},
          {"archived", archived},
          {"fork", fork},
          {"private", false}};
}

// What the fake API lists; tests change it between runs.
struct Listing {
  std::mutex mu;
  json lab_page1, lab_page2, someone;
  bool rate_limit_once = true;
  std::string base;
};

HttpResponse Answer(Listing& l, const HttpRequest& req) {
  std::lock_guard<std::mutex> lock(l.mu);
  auto page = [&](const json& body, const std::string& next) {
    HttpResponse r;
    const std::string etag = "\"" + std::to_string(std::hash<std::string>()(body.dump())) + "\"";
    r.headers.push_back({"ETag", etag});
    if (!next.empty()) r.headers.push_back({"Link", "<" + l.base + next + ">; rel=\"next\", <" + l.base + next + ">; rel=\"last\""});
    auto inm = req.headers.find("if-none-match");
    if (inm != req.headers.end() && inm->second == etag) {
      r.status = 304;
      return r;
    }
    r.body = body.dump();
    return r;
  };
  if (req.target == "/orgs/lab/repos?type=public&per_page=100") return page(l.lab_page1, "/orgs/lab/repos?page=2");
  if (req.target == "/orgs/lab/repos?page=2") {
    if (l.rate_limit_once) {
      l.rate_limit_once = false;
      const int64_t reset = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count() + 1;
      return {403, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", std::to_string(reset)}}, R"({"message":"API rate limit exceeded"})"};
    }
    return page(l.lab_page2, "");
  }
  if (req.target == "/users/someone/repos?type=owner&per_page=100") return page(l.someone, "");
  if (req.target == "/orgs/slow/repos?type=public&per_page=100") return page(json::array({Repo(9, "slow/hang")}), "");
  return {404, {}, R"({"message":"Not Found"})"};
}

class SweepMirror : public ::testing::Test {
 protected:
  void SetUp() override {
    listing_.lab_page1 = json::array({Repo(1, "lab/alpha"), Repo(2, "lab/beta")});
    listing_.lab_page2 = json::array({Repo(3, "lab/gamma", /*archived=*/true)});
    listing_.someone = json::array({Repo(4, "someone/alpha-fork", false, /*fork=*/true)});
    server_ = std::make_unique<FakeHttpServer>([this](const HttpRequest& r) { return Answer(listing_, r); });
    listing_.base = server_->Base();
    // Upstreams: local bare repositories that the API's clone URLs are rewritten to.
    Upstream("alpha", {{"data/ukb_extract.csv", testing::UkbExtract(120, 3, 4)}});
    Upstream("beta", {{"README.md", "# beta\n"}});
    Upstream("gamma", {{"README.md", "# gamma\n"}});
    std::string config;
    for (const auto& [url, to] : std::vector<std::pair<std::string, std::string>>{
             {"lab/alpha", "alpha"}, {"lab/beta", "beta"}, {"lab/beta-renamed", "beta"}, {"lab/gamma", "gamma"},
             {"someone/alpha-fork", "alpha"}})
      config += "[url \"" + (dir_.path() / "upstream" / (to + ".git")).string() + "\"]\n\tinsteadOf = " + kHost + url + ".git\n";
    // A clone that never finishes: git's ext transport runs a command that only sleeps.
    config += "[url \"ext::sleep 30\"]\n\tinsteadOf = " + kHost + "slow/hang.git\n[protocol \"ext\"]\n\tallow = always\n";
    dir_.Write("gitconfig", config);
    setenv("GIT_CONFIG_GLOBAL", (dir_.path() / "gitconfig").c_str(), 1);
    setenv("GITHUB_TOKEN", kToken, 1);
    unsetenv("GH_TOKEN");
    unsetenv("COHORTGUARD_GITHUB_API");
  }
  void TearDown() override {
    setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    unsetenv("GITHUB_TOKEN");
  }

  void Upstream(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
    const std::string wt = (dir_.path() / "work" / name).string();
    MustGit({"init", "-q", "-b", "main", wt}, ".");
    for (const auto& [path, content] : files) dir_.Write("work/" + name + "/" + path, content);
    MustGit({"add", "-A"}, wt);
    MustGit({"commit", "-q", "-m", "first"}, wt);
    MustGit({"clone", "-q", "--bare", wt, (dir_.path() / "upstream" / (name + ".git")).string()}, ".");
  }

  RunResult Mirror(std::vector<std::string> extra) {
    std::vector<std::string> args{"sweep", "mirror", Mirrors(), "--api", server_->Base()};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Cohortguard(args);
    EXPECT_EQ(r.out.find(kToken), std::string::npos);
    EXPECT_EQ(r.err.find(kToken), std::string::npos);
    return r;
  }
  std::string Mirrors() const { return (dir_.path() / "m").string(); }
  std::string Config(const std::string& repo, const std::string& key) {
    std::string v = testing::Git({"config", "--get", key}, Mirrors() + "/" + repo).out;
    return v.substr(0, v.find('\n'));
  }
  // No file below the mirrors (mirror configs, stored API pages, state) holds the token.
  void ExpectTokenNowhere() {
    for (const auto& e : fs::recursive_directory_iterator(Mirrors()))
      if (e.is_regular_file()) EXPECT_EQ(testing::Slurp(e.path().string()).find(kToken), std::string::npos) << e.path();
  }

  TempDir dir_;
  Listing listing_;
  std::unique_ptr<FakeHttpServer> server_;
};

TEST_F(SweepMirror, ClonesUpdatesRenamesAndNoticesDeletedRepositories) {
  RunResult first = Mirror({"--org", "lab", "--user", "someone"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out,
            "cloned lab/alpha.git\ncloned lab/beta.git\ncloned lab/gamma.git\narchived lab/gamma.git\n"
            "cloned someone/alpha-fork.git\n");
  EXPECT_NE(first.err.find("4 repositories listed for 2 of 2 accounts"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("1 rate-limit waits"), std::string::npos) << first.err;
  EXPECT_EQ(Config("lab/alpha.git", "cohortguard.id"), "1");
  EXPECT_EQ(Config("lab/alpha.git", "cohortguard.url"), kHost + "lab/alpha");
  EXPECT_EQ(Config("lab/alpha.git", "remote.origin.url"), kHost + "lab/alpha.git");
  EXPECT_EQ(Config("lab/gamma.git", "cohortguard.archived"), "true");
  EXPECT_EQ(testing::Git({"rev-parse", "--is-bare-repository"}, Mirrors() + "/lab/alpha.git").out, "true\n");
  bool authorized = false;
  for (const HttpRequest& r : server_->Requests()) authorized = authorized || r.headers.count("authorization");
  for (const HttpRequest& r : server_->Requests())
    if (r.headers.count("authorization")) EXPECT_EQ(r.headers.at("authorization"), std::string("Bearer ") + kToken);
  EXPECT_TRUE(authorized);

  // The sweep reads the mirrors and links each finding to the repository's web page.
  RunResult sweep = Cohortguard({"sweep", Mirrors(), "--format", "json"});
  ASSERT_EQ(sweep.exit_code, 1) << sweep.err;
  json report = json::parse(sweep.out);
  ASSERT_EQ(report["findings"].size(), 2u) << sweep.out;
  for (const auto& f : report["findings"]) {
    std::string name = f["repository"];  // OWNER/NAME.git
    name.resize(name.size() - 4);
    EXPECT_EQ(f["provenance"]["permalink"].get<std::string>().rfind(kHost + name + "/blob/", 0), 0u) << f.dump();
  }

  // Next night: alpha has a new commit, beta was renamed, gamma is gone; someone's page is unchanged.
  dir_.Write("work/alpha/NOTES.md", "more\n");
  MustGit({"add", "-A"}, (dir_.path() / "work/alpha").string());
  MustGit({"commit", "-q", "-m", "notes"}, (dir_.path() / "work/alpha").string());
  MustGit({"push", "-q", (dir_.path() / "upstream/alpha.git").string(), "main"}, (dir_.path() / "work/alpha").string());
  {
    std::lock_guard<std::mutex> lock(listing_.mu);
    listing_.lab_page1 = json::array({Repo(1, "lab/alpha"), Repo(2, "lab/beta-renamed")});
    listing_.lab_page2 = json::array();
  }
  RunResult second = Mirror({"--org", "lab", "--user", "someone"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out,
            "updated lab/alpha.git\nrenamed lab/beta-renamed.git (was lab/beta.git)\nupdated lab/beta-renamed.git\n"
            "updated someone/alpha-fork.git\ndeleted lab/gamma.git\n");
  EXPECT_NE(second.err.find("1 not modified"), std::string::npos) << second.err;
  EXPECT_FALSE(fs::exists(Mirrors() + "/lab/beta.git"));
  EXPECT_EQ(Config("lab/beta-renamed.git", "remote.origin.url"), kHost + "lab/beta-renamed.git");
  EXPECT_TRUE(fs::exists(Mirrors() + "/lab/gamma.git"));  // its history is kept: it may be what leaked
  EXPECT_FALSE(Config("lab/gamma.git", "cohortguard.deleted").empty());
  EXPECT_EQ(testing::Git({"log", "-1", "--format=%s", "main"}, Mirrors() + "/lab/alpha.git").out, "notes\n");

  // A listing that fails is named, exit 3, and marks nothing deleted.
  RunResult third = Mirror({"--org", "ghost", "--user", "someone"});
  EXPECT_EQ(third.exit_code, 3) << third.err;
  EXPECT_NE(third.err.find("organisation ghost: GitHub API answered 404"), std::string::npos) << third.err;
  EXPECT_EQ(third.out, "updated someone/alpha-fork.git\n");
  ExpectTokenNowhere();
}

TEST_F(SweepMirror, ACloneOverItsTimeBudgetIsStoppedAndNamed) {
  const auto start = std::chrono::steady_clock::now();
  RunResult r = Mirror({"--org", "slow", "--budget", "1"});
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.out, "failed slow/hang.git\n");
  EXPECT_NE(r.err.find("slow/hang.git: git clone"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("took longer than 1 s"), std::string::npos) << r.err;
  EXPECT_LT(seconds, 20);
  EXPECT_FALSE(fs::exists(Mirrors() + "/slow/hang.git"));
  EXPECT_TRUE(fs::is_empty(Mirrors() + "/.cohortguard/clones"));
}

TEST_F(SweepMirror, UsageErrors) {
  EXPECT_EQ(Cohortguard({"sweep", "mirror", Mirrors()}).exit_code, 2);
  RunResult r = Cohortguard({"sweep", "mirror", Mirrors(), "--org", "lab", "--api", "ftp://x.example.invalid"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--api must be an http(s) URL"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cg
