// `config show` and the user-defaults file.
#include <gtest/gtest.h>

#include <cstdlib>

#include "support/test_support.h"

namespace cg {
namespace {

// Points XDG_CONFIG_HOME at a folder for the life of the object.
class UserConfigHome {
 public:
  explicit UserConfigHome(const std::string& dir) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    if (old) old_ = old, had_ = true;
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  }
  ~UserConfigHome() {
    if (had_) setenv("XDG_CONFIG_HOME", old_.c_str(), 1);
    else unsetenv("XDG_CONFIG_HOME");
  }

 private:
  std::string old_;
  bool had_ = false;
};

TEST(ConfigCli, ShowsDefaultsAndWhereEachSetValueCameFrom) {
  testing::TempDir home, repo;
  UserConfigHome env(home.str());
  repo.Write(".cohortguard.yaml", "fail_on: high\nallowlist:\n  - path: fixtures/\n    reason: synthetic\n");
  auto r = testing::Cohortguard({"config", "show"}, repo.str());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("fail_on: high  # .cohortguard.yaml:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("baseline: null  # default"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# .cohortguard.yaml:3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("path: 'fixtures/'"), std::string::npos) << r.out;
}

TEST(ConfigCli, UserDefaultsApplyAndTheRepositoryFileOverridesThem) {
  testing::TempDir home, repo;
  UserConfigHome env(home.str());
  home.Write("cohortguard/config.yaml", "fail_on: never\n");
  repo.Write("ukb.csv", testing::UkbExtract(100));
  auto shown = testing::Cohortguard({"config", "show"}, repo.str());
  EXPECT_NE(shown.out.find("fail_on: never  # " + home.str() + "/cohortguard/config.yaml:1"), std::string::npos)
      << shown.out;
  EXPECT_EQ(testing::Cohortguard({"scan", "."}, repo.str()).exit_code, 0) << "user default fail_on: never";
  repo.Write(".cohortguard.yaml", "fail_on: medium\n");
  EXPECT_EQ(testing::Cohortguard({"scan", "."}, repo.str()).exit_code, 1) << "the repository file wins";
}

TEST(ConfigCli, BrokenConfigIsAUsageErrorNamingFileAndLine) {
  testing::TempDir home, repo;
  UserConfigHome env(home.str());
  repo.Write(".cohortguard.yaml", "fail_on: high\nfial_on: low\n");
  auto r = testing::Cohortguard({"config", "show"}, repo.str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".cohortguard.yaml:2: unknown key 'fial_on'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cg
