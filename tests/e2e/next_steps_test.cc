// The `next:` advice fits where the data is: staged or in unpushed commits, nothing has left the
// machine; pushed history needs the rewrite, rotation and the custodian; a blob no commit holds
// has no path to filter out.
#include <gtest/gtest.h>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using testing::Git;
using testing::PushFixture;
using testing::RunResult;

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

TEST(NextSteps, StagedAndUnpushedSayNothingLeftPushedHistorySaysRewriteAndReport) {
  PushFixture fx;
  RunResult r = fx.Commit("data/ukb.csv", testing::UkbExtract(300));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, "git restore --staged -- data/ukb.csv")) << r.err;
  EXPECT_TRUE(Has(r.err, "nothing has left this machine")) << r.err;
  EXPECT_FALSE(Has(r.err, "custodian")) << "staged data has not leaked: " << r.err;
  EXPECT_FALSE(Has(r.err, "filter-repo")) << r.err;

  ASSERT_EQ(Git({"commit", "-q", "--no-verify", "-m", "data"}, fx.work).exit_code, 0);
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, fx.work);
  ASSERT_NE(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, "take it out of the unpushed commits: git commit --amend")) << r.err;
  EXPECT_TRUE(Has(r.err, "nothing has left this machine through this push")) << r.err;
  EXPECT_FALSE(Has(r.err, "force-push all branches")) << "no rewrite of published history: " << r.err;

  // The same commit scanned as history (a clone, CI): it may have been pushed.
  r = testing::Cohortguard({"scan", "--history", "."}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.out, "git filter-repo --invert-paths --path data/ukb.csv")) << r.out;
  EXPECT_TRUE(Has(r.out, "data custodian")) << r.out;

  // A blob no commit holds: no --path to give filter-repo.
  Git({"reset", "-q", "--hard", "HEAD~1"}, fx.work);
  Git({"reflog", "expire", "--expire=now", "--all"}, fx.work);
  r = testing::Cohortguard({"scan", "--history", "."}, fx.work);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Has(r.out, "it is in no commit, so there is no path to filter out")) << r.out;
  EXPECT_FALSE(Has(r.out, "--path ''")) << r.out;
  EXPECT_FALSE(Has(r.out, "filter-repo --invert-paths")) << r.out;
}

}  // namespace
}  // namespace cg
