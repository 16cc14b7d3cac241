// What the pre-push hook believes about the destination: only git's word (the remote ids on
// stdin) and what it let through for the same URL itself; remote-tracking refs of another URL
// never hide commits. And the cache of blobs already scanned clean.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::Git;
using testing::PushFixture;
using testing::Rev;
using testing::RunResult;
namespace fs = std::filesystem;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(PrePushTrust, SetUrlToPublicHostScansTheHistoryTheOldServerHad) {
  PushFixture fx;
  // The lab's own server (a local path: private) takes the extract and the remote-tracking
  // refs of origin now show all of it.
  std::string internal = fx.dir.str() + "/internal.git";
  ASSERT_EQ(Git({"init", "-q", "--bare", internal}, fx.dir.str()).exit_code, 0);
  ASSERT_EQ(Git({"remote", "set-url", "origin", internal}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("data/ukb12345.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  RunResult r = Git({"push", "-q", "-u", "origin", "HEAD:refs/heads/main"}, fx.work);
  ASSERT_EQ(r.exit_code, 0) << "private remote: " << r.err;
  ASSERT_NE(Rev("refs/remotes/origin/main", fx.work), "");
  // Now origin points at GitHub (rewritten to the test's server): the stale tracking refs say
  // "the remote has everything", git says the remote has nothing.
  ASSERT_EQ(Git({"remote", "set-url", "origin", "https://github.com/lab/study.git"}, fx.work).exit_code, 0);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing is known about what this destination has"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", fx.server), "") << "nothing reached the public server";
}

TEST(PrePushTrust, NewBranchToTheSameUrlSkipsWhatTheHookAlreadyLetThrough) {
  PushFixture fx;
  ASSERT_EQ(fx.Commit("a.txt", "one\n").exit_code, 0);
  RunResult r = Git({"push", "-q", "origin", "HEAD:refs/heads/main"}, fx.work);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("nothing is known"), std::string::npos) << "first push to this URL: " << r.err;
  ASSERT_EQ(Git({"checkout", "-q", "-b", "topic"}, fx.work).exit_code, 0);
  ASSERT_EQ(fx.Commit("b.txt", "two\n").exit_code, 0);
  // git passes a zero remote id for the new branch; the hook knows main went to this URL.
  r = Git({"push", "-q", "origin", "topic"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("nothing is known"), std::string::npos) << r.err;
  // The same branch to another URL is a destination the hook knows nothing about.
  std::string other = fx.dir.str() + "/other.git";
  ASSERT_EQ(Git({"init", "-q", "--bare", other}, fx.dir.str()).exit_code, 0);
  Git({"config", "url." + other + ".insteadOf", "https://gitlab.com/lab/study.git"}, fx.work);
  r = Git({"push", "-q", "https://gitlab.com/lab/study.git", "topic"}, fx.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is public"), std::string::npos) << "the URL as typed, before insteadOf: " << r.err;
  EXPECT_NE(r.err.find("nothing is known"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("blob(s) already scanned clean"), std::string::npos) << r.err;
}

TEST(PrePushTrust, CleanBlobCacheSkipsCleanBlobsButNeverAFinding) {
  PushFixture fx;
  for (int i = 0; i < 5; ++i) ASSERT_EQ(fx.Commit("notes" + std::to_string(i) + ".txt", "note\n" + std::to_string(i)).exit_code, 0);
  ASSERT_EQ(fx.Commit("data/ukb.csv", testing::UkbExtract(300), /*verify=*/false).exit_code, 0);
  RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  ASSERT_NE(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("blob(s) already scanned clean"), std::string::npos) << "a cold cache: " << r.err;
  EXPECT_TRUE(fs::exists(fs::path(fx.work) / ".git/cohortguard/clean-blobs"));
  // Again: the six clean blobs (README and five notes) come from the cache; the extract is
  // read and refused again.
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("6 blob(s) already scanned clean"), std::string::npos) << r.err;
  EXPECT_EQ(Count(r.err, "ukbiobank.main-dataset"), 1u) << r.err;
  // Another policy starts from an empty cache.
  fx.Write(".cohortguard.yaml", "rules:\n  disable: [secrets.private-key]\n");
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("blob(s) already scanned clean"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cg
