#include "policy/remote_url.h"

#include <gtest/gtest.h>

namespace cg {
namespace {

struct UrlCase {
  const char* url;
  const char* scheme;
  const char* key;
  bool local;
};

TEST(RemoteUrl, ParsesEveryFormGitAccepts) {
  const UrlCase cases[] = {
      {"https://github.com/Lab/Study.git", "https", "github.com/lab/study", false},
      {"https://user:pw@GitHub.com:443/lab/study/", "https", "github.com/lab/study", false},
      {"http://gitlab.example.org/group/sub/project.git", "http", "gitlab.example.org/group/sub/project", false},
      {"ssh://git@github.com/lab/study.git", "ssh", "github.com/lab/study", false},
      {"ssh://git@ssh.github.com:443/lab/study.git", "ssh", "ssh.github.com/lab/study", false},
      {"git+ssh://git@gitlab.com/lab/study", "ssh", "gitlab.com/lab/study", false},
      {"git://codeberg.org/lab/study.git", "git", "codeberg.org/lab/study", false},
      {"git@github.com:lab/study.git", "ssh", "github.com/lab/study", false},
      {"github.com:lab/study", "ssh", "github.com/lab/study", false},
      {"hf.co:datasets/lab/cohort", "ssh", "hf.co/datasets/lab/cohort", false},
      {"git@[::1]:lab/study.git", "ssh", "::1/lab/study", false},
      {"/srv/git/study.git", "file", "/srv/git/study.git", true},
      {"./relative/repo", "file", "./relative/repo", true},
      {"file:///srv/git/study.git", "file", "/srv/git/study.git", true},
      {"../a:b/c", "file", "../a:b/c", true},  // a '/' before the ':' makes it a path
  };
  for (const auto& c : cases) {
    auto u = ParseRemoteUrl(c.url);
    ASSERT_TRUE(u.ok()) << c.url << ": " << u.status().message();
    EXPECT_EQ(u->scheme, c.scheme) << c.url;
    EXPECT_EQ(u->Key(), c.key) << c.url;
    EXPECT_EQ(u->local, c.local) << c.url;
  }
}

TEST(RemoteUrl, RejectsEmptyUrlAndMissingHost) {
  EXPECT_FALSE(ParseRemoteUrl("").ok());
  EXPECT_FALSE(ParseRemoteUrl("   ").ok());
  EXPECT_FALSE(ParseRemoteUrl("https:///lab/study").ok());
  EXPECT_FALSE(ParseRemoteUrl("git@:lab/study").ok());
}

TEST(GlobMatch, SingleStarStaysInOneSegmentDoubleStarCrosses) {
  struct { const char* pattern; const char* text; bool match; } cases[] = {
      {"github.com/my-lab/*", "github.com/my-lab/study", true},
      {"github.com/my-lab/*", "github.com/my-lab/a/b", false},
      {"github.com/my-lab/**", "github.com/my-lab/a/b", true},
      {"github.com/*", "github.com/lab/study", false},
      {"**/server.git", "/tmp/x/y/server.git", true},
      {"**/x*", "a/xb/xc", true},
      {"github.com/lab/stud?", "github.com/lab/study", true},
      {"github.com/lab/stud?", "github.com/lab/stud/", false},
      {"exact", "exact", true},
      {"exact", "exactly", false},
      {"*", "", true},
  };
  for (const auto& c : cases) EXPECT_EQ(GlobMatch(c.pattern, c.text), c.match) << c.pattern << " vs " << c.text;
}

TEST(HostIsUnder, SubdomainsCountLookalikesDoNot) {
  EXPECT_TRUE(HostIsUnder("github.com", "github.com"));
  EXPECT_TRUE(HostIsUnder("gist.github.com", "github.com"));
  EXPECT_FALSE(HostIsUnder("notgithub.com", "github.com"));
  EXPECT_FALSE(HostIsUnder("github.com.evil.org", "github.com"));
}

}  // namespace
}  // namespace cg
