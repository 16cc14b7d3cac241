// Whole-program tests of repositories stored in the ways users have them (issue #18): shallow
// clones, split and sparse indexes, damaged packs, refs to missing commits, partial clones,
// removed and replaced loose objects. Each is built with
// the git binary; scans and hooks must read them, or say exactly what they could not read.
// Hooks refuse only because of content, never because of how the repository is stored.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "e2e/hook_fixture.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::Git;
using testing::Rev;
using testing::RunResult;
using testing::TempDir;
namespace fs = std::filesystem;

std::string Out(const RunResult& r) {
  std::string s = r.out;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

struct ScanRun {
  int code = -1;
  json report;
  std::string err;
};

ScanRun ScanJson(const std::vector<std::string>& flags, const std::string& repo) {
  std::vector<std::string> args{"scan", "--format", "json"};
  args.insert(args.end(), flags.begin(), flags.end());
  args.push_back(repo);
  RunResult r = Cohortguard(args, repo);
  ScanRun s;
  s.code = r.exit_code;
  s.err = r.err;
  EXPECT_FALSE(r.out.empty()) << r.err;
  if (!r.out.empty()) s.report = json::parse(r.out);
  return s;
}

std::vector<std::string> Paths(const json& list) {
  std::vector<std::string> out;
  for (const json& f : list) out.push_back(f["path"].is_string() ? f["path"].get<std::string>() : "");
  return out;
}

// A server with three commits, and a work tree of it with cohortguard's hooks.
struct Storage {
  TempDir dir;
  std::string server = dir.str() + "/server.git";
  std::string seed = dir.str() + "/seed";
  std::string work = dir.str() + "/work";

  // `object_format`: "sha1" or "sha256", for the server and every clone of it.
  explicit Storage(const std::string& object_format = "sha1") {
    const std::string format = "--object-format=" + object_format;
    EXPECT_EQ(Git({"init", "-q", "--bare", "-b", "main", format, server}, dir.str()).exit_code, 0);
    EXPECT_EQ(Git({"init", "-q", "-b", "main", format, seed}, dir.str()).exit_code, 0);
    for (int i = 1; i <= 3; ++i) {
      dir.Write("seed/notes" + std::to_string(i) + ".txt", "notes " + std::to_string(i) + "\n");
      Git({"add", "-A"}, seed);
      Git({"commit", "-q", "-m", "c" + std::to_string(i)}, seed);
    }
    EXPECT_EQ(Git({"push", "-q", server, "main"}, seed).exit_code, 0);
  }
  // `git clone` of the server (extra flags such as --depth 1), with hooks installed and the
  // origin configured as a public host that url.insteadOf rewrites to the server.
  void Clone(const std::vector<std::string>& flags) {
    std::vector<std::string> args{"clone", "-q"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back("file://" + server);
    args.push_back(work);
    ASSERT_EQ(Git(args, dir.str()).exit_code, 0);
    ASSERT_EQ(Cohortguard({"hook", "install"}, work).exit_code, 0);
    Git({"config", "url.file://" + server + ".insteadOf", "https://github.com/lab/study.git"}, work);
    Git({"remote", "set-url", "origin", "https://github.com/lab/study.git"}, work);
    Git({"fetch", "-q", "origin"}, work);
  }
  RunResult Commit(const std::string& rel, const std::string& text) {
    dir.Write("work/" + rel, text);
    Git({"add", rel}, work);
    return Git({"commit", "-q", "-m", "add " + rel}, work);
  }
  RunResult CommitUnchecked(const std::string& rel, const std::string& text) {
    dir.Write("work/" + rel, text);
    Git({"add", rel}, work);
    return Git({"commit", "-q", "--no-verify", "-m", "add " + rel}, work);
  }
};

TEST(ShallowClone, RangeScansWhatTheCloneHasAndTheBoundaryIsANoteNotAnError) {
  Storage st;
  st.Clone({"--depth", "1"});
  ASSERT_EQ(Out(Git({"rev-parse", "--is-shallow-repository"}, st.work)), "true");
  std::string boundary = Out(Git({"rev-parse", "HEAD"}, st.work));
  ASSERT_EQ(st.CommitUnchecked("data/ukb.csv", testing::UkbExtract(200)).exit_code, 0);

  ScanRun r = ScanJson({"--range", "HEAD~1..HEAD"}, st.work);
  EXPECT_EQ(r.code, 1) << r.report.dump(2);
  EXPECT_EQ(Paths(r.report["findings"]), std::vector<std::string>{"data/ukb.csv"}) << r.report.dump(2);
  EXPECT_TRUE(r.report["errors"].empty()) << r.report.dump(2);
  EXPECT_EQ(r.report["stats"]["blobs"], 1);

  // The whole clone: the boundary commit is scanned whole, and its missing history is named.
  r = ScanJson({"--range", "HEAD"}, st.work);
  EXPECT_EQ(r.code, 1) << r.report.dump(2);
  EXPECT_TRUE(r.report["errors"].empty()) << r.report.dump(2);
  EXPECT_EQ(r.report["stats"]["blobs"], 4) << "three notes from the boundary commit, and the extract";
  ASSERT_EQ(r.report["skipped"].size(), 1u) << r.report.dump(2);
  EXPECT_EQ(r.report["skipped"][0]["commit"], boundary);
  EXPECT_NE(r.report["skipped"][0]["reason"].get<std::string>().find("shallow clone"), std::string::npos);
}

TEST(ShallowClone, PushIsJudgedOnTheCommitsItSends) {
  Storage st;
  st.Clone({"--depth", "1"});
  ASSERT_EQ(st.Commit("analysis/model.R", "fit <- lm(y ~ x)\n").exit_code, 0);
  RunResult r = Git({"push", "origin", "HEAD:refs/heads/main"}, st.work);
  EXPECT_EQ(r.exit_code, 0) << "a clean push from a shallow clone goes through: " << r.err;
  EXPECT_EQ(r.err.find("fail closed"), std::string::npos) << r.err;

  ASSERT_EQ(st.CommitUnchecked("data/ukb.csv", testing::UkbExtract(200)).exit_code, 0);
  std::string on_server = Out(Git({"rev-parse", "main"}, st.server));
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, st.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("data/ukb.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ukbiobank.main-dataset"), std::string::npos) << r.err;
  EXPECT_EQ(Out(Git({"rev-parse", "main"}, st.server)), on_server);
}

TEST(SplitIndex, StagedScanAndPreCommitReadTheIndexThroughGit) {
  Storage st;
  st.Clone({});
  ASSERT_EQ(Git({"update-index", "--split-index"}, st.work).exit_code, 0);
  ASSERT_EQ(st.Commit("analysis/clean.py", "import pandas\n").exit_code, 0) << "a clean commit goes through";
  st.dir.Write("work/data/ukb.csv", testing::UkbExtract(200));
  Git({"add", "data/ukb.csv"}, st.work);
  bool shared = false;
  for (const auto& e : fs::directory_iterator(st.work + "/.git"))
    shared = shared || e.path().filename().string().rfind("sharedindex.", 0) == 0;
  ASSERT_TRUE(shared) << "the index is split";

  ScanRun r = ScanJson({"--staged"}, st.work);
  EXPECT_EQ(r.code, 1) << r.report.dump(2);
  EXPECT_EQ(Paths(r.report["findings"]), std::vector<std::string>{"data/ukb.csv"}) << r.report.dump(2);
  EXPECT_TRUE(r.report["errors"].empty()) << r.report.dump(2);
  EXPECT_EQ(r.report["findings"][0]["blob"], Out(Git({"rev-parse", ":data/ukb.csv"}, st.work)));

  RunResult c = Git({"commit", "-q", "-m", "extract"}, st.work);
  EXPECT_EQ(c.exit_code, 1) << c.err;
  EXPECT_NE(c.err.find("data/ukb.csv"), std::string::npos) << c.err;
  EXPECT_EQ(c.err.find("could not complete"), std::string::npos) << "refused for content, not storage: " << c.err;
}

TEST(SparseIndex, StagedScanAndPreCommitReadTheIndexThroughGit) {
  Storage st;
  st.Clone({});
  st.dir.Write("work/docs/readme.md", "# docs\n");
  st.dir.Write("work/outside/keep.txt", "kept out of the sparse cone\n");
  Git({"add", "-A"}, st.work);
  Git({"commit", "-q", "--no-verify", "-m", "layout"}, st.work);
  ASSERT_EQ(Git({"sparse-checkout", "set", "--sparse-index", "docs", "data"}, st.work).exit_code, 0);
  ASSERT_FALSE(fs::exists(st.work + "/outside/keep.txt"));

  ASSERT_EQ(st.Commit("docs/more.md", "more docs\n").exit_code, 0) << "a clean commit goes through";
  st.dir.Write("work/data/ukb.csv", testing::UkbExtract(200));
  Git({"add", "data/ukb.csv"}, st.work);
  ScanRun r = ScanJson({"--staged"}, st.work);
  EXPECT_EQ(r.code, 1) << r.report.dump(2);
  EXPECT_EQ(Paths(r.report["findings"]), std::vector<std::string>{"data/ukb.csv"}) << r.report.dump(2);
  EXPECT_TRUE(r.report["errors"].empty()) << r.report.dump(2);
  EXPECT_EQ(r.report["stats"]["blobs"], 1) << "only what the next commit adds";

  RunResult c = Git({"commit", "-q", "-m", "extract"}, st.work);
  EXPECT_EQ(c.exit_code, 1) << c.err;
  EXPECT_NE(c.err.find("data/ukb.csv"), std::string::npos) << c.err;
}

// The pack holding every commit is damaged: what cannot be read is an error naming the ref.
void ExpectDamagedPackIsAnError(const std::function<void(const fs::path& pack, const fs::path& idx)>& damage) {
  Storage st;
  st.Clone({});
  ASSERT_EQ(Git({"repack", "-adq"}, st.work).exit_code, 0);
  fs::path pack, idx;
  for (const auto& e : fs::directory_iterator(st.work + "/.git/objects/pack")) {
    if (e.path().extension() == ".pack") pack = e.path();
    if (e.path().extension() == ".idx") idx = e.path();
  }
  ASSERT_FALSE(pack.empty() || idx.empty());
  fs::permissions(pack, fs::perms::owner_write, fs::perm_options::add);
  fs::permissions(idx, fs::perms::owner_write, fs::perm_options::add);
  damage(pack, idx);
  ASSERT_NE(Git({"fsck", "--no-progress"}, st.work).exit_code, 0) << "git sees the damage too";

  ScanRun r = ScanJson({"--range", "--all"}, st.work);
  EXPECT_EQ(r.code, 3) << r.report.dump(2);
  ASSERT_FALSE(r.report["errors"].empty()) << r.report.dump(2);
  std::string all;
  for (const json& e : r.report["errors"]) all += e["message"].get<std::string>() + "\n";
  EXPECT_NE(all.find("refs/heads/main"), std::string::npos) << all;
  EXPECT_NE(all.find(Out(Git({"rev-parse", "refs/heads/main"}, st.work))), std::string::npos) << all;
}

TEST(DamagedPack, TruncatedPackMakesRangeAllExit3WithTheError) {
  ExpectDamagedPackIsAnError([](const fs::path& pack, const fs::path&) { fs::resize_file(pack, 200); });
}

TEST(DamagedPack, BogusIdxMakesRangeAllExit3WithTheError) {
  ExpectDamagedPackIsAnError([](const fs::path&, const fs::path& idx) {
    // Keep the header, scramble the fan-out and the ids.
    std::string bytes(static_cast<size_t>(fs::file_size(idx)), '\0');
    FILE* f = std::fopen(idx.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(std::fread(bytes.data(), 1, bytes.size(), f), bytes.size());
    for (size_t i = 8; i < bytes.size(); ++i) bytes[i] = static_cast<char>(bytes[i] * 31 + 7);
    std::fseek(f, 0, SEEK_SET);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  });
}

TEST(BrokenRef, RefToAMissingCommitIsAnErrorNamingTheRefAndTheRestIsStillScanned) {
  Storage st;
  st.Clone({});
  ASSERT_EQ(st.CommitUnchecked("data/ukb.csv", testing::UkbExtract(200)).exit_code, 0);
  const std::string missing = "0123456789abcdef0123456789abcdef01234567";
  st.dir.Write("work/.git/refs/heads/broken", missing + "\n");
  ASSERT_NE(Git({"rev-list", "--all"}, st.work).exit_code, 0) << "git refuses the ref too";

  ScanRun r = ScanJson({"--range", "--all"}, st.work);
  EXPECT_EQ(r.code, 3) << r.report.dump(2);
  EXPECT_EQ(Paths(r.report["findings"]), std::vector<std::string>{"data/ukb.csv"}) << "the other refs are scanned";
  ASSERT_EQ(r.report["errors"].size(), 1u) << r.report.dump(2);
  std::string message = r.report["errors"][0]["message"];
  EXPECT_NE(message.find("refs/heads/broken"), std::string::npos) << message;
  EXPECT_NE(message.find(missing), std::string::npos) << message;

  r = ScanJson({"--range", "--branches"}, st.work);
  EXPECT_EQ(r.code, 3) << "a glob lists the broken ref too: " << r.report.dump(2);

  // Named on its own it is damage (exit 3), not a usage error.
  r = ScanJson({"--range", "broken"}, st.work);
  EXPECT_EQ(r.code, 3) << r.report.dump(2);
  ASSERT_FALSE(r.report["errors"].empty()) << r.report.dump(2);
  EXPECT_NE(r.report["errors"][0]["message"].get<std::string>().find("refs/heads/broken"), std::string::npos);
}

// Every error message of a report, one a line.
std::string Messages(const json& errors) {
  std::string all;
  for (const json& e : errors) all += e["message"].get<std::string>() + "\n";
  return all;
}

TEST(Sha256Repository, HooksAndScansJudgeContentNotTheObjectFormat) {
  Storage st("sha256");
  st.Clone({});
  ASSERT_EQ(Out(Git({"rev-parse", "--show-object-format"}, st.work)), "sha256");

  // pre-commit: a clean commit goes through, an extract is refused by name.
  RunResult r = st.Commit("analysis/model.R", "fit <- lm(y ~ x)\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string head = Out(Git({"rev-parse", "HEAD"}, st.work));
  r = st.Commit("data/ukb.csv", testing::UkbExtract(200));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("data/ukb.csv"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("could not complete"), std::string::npos) << r.err;
  EXPECT_EQ(Out(Git({"rev-parse", "HEAD"}, st.work)), head);

  ScanRun staged = ScanJson({"--staged"}, st.work);
  EXPECT_EQ(staged.code, 1) << staged.report.dump(2);
  ASSERT_EQ(Paths(staged.report["findings"]), std::vector<std::string>{"data/ukb.csv"});
  EXPECT_EQ(staged.report["findings"][0]["blob"], Out(Git({"rev-parse", ":data/ukb.csv"}, st.work)));
  EXPECT_EQ(staged.report["findings"][0]["blob"].get<std::string>().size(), 64u);

  // pre-push: the clean commit is pushed; the extract, committed past the hook, is refused.
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, st.work);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Git({"commit", "-q", "--no-verify", "-m", "extract"}, st.work);
  std::string extract_commit = Out(Git({"rev-parse", "HEAD"}, st.work));
  r = Git({"push", "origin", "HEAD:refs/heads/main"}, st.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("data/ukb.csv"), std::string::npos) << r.err;
  EXPECT_EQ(Out(Git({"rev-parse", "main"}, st.server)), head);

  ScanRun range = ScanJson({"--range", "origin/main..HEAD"}, st.work);
  EXPECT_EQ(range.code, 1) << range.report.dump(2);
  ASSERT_EQ(Paths(range.report["findings"]), std::vector<std::string>{"data/ukb.csv"});
  EXPECT_EQ(range.report["findings"][0]["commit"], extract_commit);

  // --history reads packs with libgit2 and its own reader, both SHA-1 only: a clear "not
  // supported", never a clean exit over history it did not read.
  ScanRun history = ScanJson({"--history"}, st.work);
  EXPECT_EQ(history.code, 3) << history.report.dump(2);
  EXPECT_TRUE(history.report["findings"].empty()) << history.report.dump(2);
  EXPECT_NE(Messages(history.report["errors"]).find("it is a SHA-256 repository (libgit2 1.5 reads SHA-1 objects only)"),
            std::string::npos) << history.report.dump(2);

  // pre-receive on a SHA-256 server reads the quarantined objects through git.
  ASSERT_EQ(Cohortguard({"hook", "install", "--pre-receive"}, st.server).exit_code, 0);
  r = Git({"push", "--no-verify", "origin", "HEAD:refs/heads/main"}, st.work);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("data/ukb.csv"), std::string::npos) << r.err;
  EXPECT_EQ(Out(Git({"rev-parse", "main"}, st.server)), head);
}

// Where git keeps the loose object `id` of the repository whose git folder is `git_dir`.
fs::path LooseObjectPath(const std::string& git_dir, const std::string& id) {
  return fs::path(git_dir) / "objects" / id.substr(0, 2) / id.substr(2);
}

TEST(PartialClone, BlobsGitHasNotFetchedAreSkippedNotInThisCloneAndTheScanSaysItIsIncomplete) {
  Storage st;
  // A draft that an older commit added and a later one deleted: a blob:none clone checks out
  // HEAD only, so the draft's blob stays on the server.
  st.dir.Write("seed/old/draft.csv", "id,visit\n1,2\n");
  Git({"add", "-A"}, st.seed);
  Git({"commit", "-q", "-m", "draft"}, st.seed);
  std::string draft_commit = Out(Git({"rev-parse", "HEAD"}, st.seed));
  std::string draft_blob = Out(Git({"rev-parse", "HEAD:old/draft.csv"}, st.seed));
  Git({"rm", "-q", "old/draft.csv"}, st.seed);
  Git({"commit", "-q", "-m", "drop draft"}, st.seed);
  ASSERT_EQ(Git({"push", "-q", st.server, "main"}, st.seed).exit_code, 0);
  Git({"config", "uploadpack.allowFilter", "true"}, st.server);
  st.Clone({"--filter=blob:none"});
  RunResult missing = Git({"rev-list", "--objects", "--all", "--missing=print"}, st.work);
  ASSERT_NE(missing.out.find("?" + draft_blob), std::string::npos) << "the draft is not in the clone: " << missing.out;

  ScanRun r = ScanJson({"--history"}, st.work);
  EXPECT_EQ(r.code, 3) << r.report.dump(2);
  EXPECT_EQ(r.report["stats"]["blobs"], 3) << "the three notes git checked out are read";
  ASSERT_EQ(r.report["skipped"].size(), 1u) << r.report.dump(2);
  const json& sk = r.report["skipped"][0];
  EXPECT_EQ(sk["blob"], draft_blob);
  EXPECT_EQ(sk["path"], "old/draft.csv");
  EXPECT_EQ(sk["commit"], draft_commit);
  EXPECT_NE(sk["reason"].get<std::string>().find("not in this clone"), std::string::npos) << sk.dump();
  ASSERT_EQ(r.report["errors"].size(), 1u) << r.report.dump(2);
  EXPECT_NE(Messages(r.report["errors"]).find("1 object that the history references is not in this partial clone"),
            std::string::npos) << r.report.dump(2);
  EXPECT_NE(Out(Git({"rev-list", "--objects", "--all", "--missing=print"}, st.work)).find("?" + draft_blob),
            std::string::npos) << "the scan fetched nothing";

  // A mirror copied without its config still has the .promisor file beside the pack git fetched.
  ASSERT_EQ(Git({"config", "--unset", "remote.origin.promisor"}, st.work).exit_code, 0);
  r = ScanJson({"--history"}, st.work);
  EXPECT_EQ(r.code, 3) << r.report.dump(2);
  ASSERT_EQ(r.report["skipped"].size(), 1u) << r.report.dump(2);
  EXPECT_EQ(r.report["skipped"][0]["blob"], draft_blob);
}

// A partial clone whose history holds a blob git has not fetched (old/draft.csv, deleted since).
struct PartialClone : Storage {
  std::string draft_blob, draft_commit;
  PartialClone() {
    dir.Write("seed/old/draft.csv", "id,visit\n1,2\n");
    Git({"add", "-A"}, seed);
    Git({"commit", "-q", "-m", "draft"}, seed);
    draft_commit = Out(Git({"rev-parse", "HEAD"}, seed));
    draft_blob = Out(Git({"rev-parse", "HEAD:old/draft.csv"}, seed));
    Git({"rm", "-q", "old/draft.csv"}, seed);
    Git({"commit", "-q", "-m", "drop draft"}, seed);
    EXPECT_EQ(Git({"push", "-q", server, "main"}, seed).exit_code, 0);
    Git({"config", "uploadpack.allowFilter", "true"}, server);
    Clone({"--filter=blob:none"});
  }
  bool StillMissing() {
    return Out(Git({"rev-list", "--objects", "--all", "--missing=print"}, work)).find("?" + draft_blob) != std::string::npos;
  }
};

std::string Warnings(const json& report) {
  std::string all;
  if (report.contains("warnings"))
    for (const json& w : report["warnings"]) all += w.get<std::string>() + "\n";
  return all;
}

TEST(PartialClone, AllowPartialCloneMakesUnfetchedBlobsExpectedButStillListsThem) {
  PartialClone st;
  ASSERT_TRUE(st.StillMissing());
  for (const std::vector<std::string>& mode : {std::vector<std::string>{"--history"}, {"--range", "HEAD"}}) {
    ScanRun r = ScanJson(mode, st.work);
    EXPECT_EQ(r.code, 3) << mode[0] << ": not said to be expected: " << r.report.dump(2);
    EXPECT_NE(Messages(r.report["errors"]).find("allow_partial_clone"), std::string::npos)
        << mode[0] << ": the error says how to declare it expected: " << r.report.dump(2);

    std::vector<std::string> allowed = mode;
    allowed.push_back("--allow-partial-clone");
    r = ScanJson(allowed, st.work);
    EXPECT_EQ(r.code, 0) << mode[0] << r.report.dump(2);
    EXPECT_TRUE(r.report["errors"].empty()) << mode[0] << r.report.dump(2);
    ASSERT_EQ(r.report["skipped"].size(), 1u) << mode[0] << ": still listed: " << r.report.dump(2);
    EXPECT_EQ(r.report["skipped"][0]["blob"], st.draft_blob) << mode[0];
    EXPECT_EQ(r.report["skipped"][0]["path"], "old/draft.csv") << mode[0];
    EXPECT_EQ(r.report["skipped"][0]["commit"], st.draft_commit) << mode[0];
    EXPECT_NE(Warnings(r.report).find("1 object that the history references is not in this partial clone"),
              std::string::npos) << mode[0] << ": counted in a warning: " << r.report.dump(2);
  }
  // The same from the configuration file, and the text report names what was not read.
  st.dir.Write("work/.cohortguard.yaml", "allow_partial_clone: true\n");
  RunResult text = Cohortguard({"scan", "--history", "."}, st.work);
  EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("old/draft.csv"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("not in this clone"), std::string::npos) << text.out;
  EXPECT_TRUE(st.StillMissing()) << "nothing was fetched";
}

TEST(PartialClone, PrePushNamesWhatItDidNotReadAndNeverLetsItOutToAPublicRemote) {
  PartialClone st;
  // Two new destinations: nothing is known about them, so the whole history is pushed.
  const std::string internal = st.dir.str() + "/internal.git", copy = st.dir.str() + "/copy.git";
  ASSERT_EQ(Git({"init", "-q", "--bare", internal}, st.dir.str()).exit_code, 0);
  ASSERT_EQ(Git({"init", "-q", "--bare", copy}, st.dir.str()).exit_code, 0);
  Git({"config", "url." + internal + ".insteadOf", "https://git.example.invalid/lab/study.git"}, st.work);
  Git({"remote", "add", "internal", "https://git.example.invalid/lab/study.git"}, st.work);
  Git({"config", "url." + copy + ".insteadOf", "https://github.com/lab/copy.git"}, st.work);
  Git({"remote", "add", "copy", "https://github.com/lab/copy.git"}, st.work);

  RunResult r = Git({"push", "internal", "HEAD:refs/heads/main"}, st.work);
  EXPECT_NE(r.exit_code, 0) << "unread objects fail closed: " << r.err;
  EXPECT_NE(r.err.find("old/draft.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("allow_partial_clone"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", internal), "");

  st.dir.Write("work/.cohortguard.yaml", "allow_partial_clone: true\n");
  r = Git({"push", "copy", "HEAD:refs/heads/main"}, st.work);
  EXPECT_NE(r.exit_code, 0) << "a public push never sends what nobody read: " << r.err;
  EXPECT_NE(r.err.find("allow_partial_clone does not apply to a push to a public remote"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("old/draft.csv"), std::string::npos) << r.err;
  EXPECT_EQ(Rev("main", copy), "");

  // To an internal remote the hook lets it through, and says what it did not read.
  const std::string head = Out(Git({"rev-parse", "HEAD"}, st.work));
  RunResult hook = Cohortguard({"hook", "pre-push", "internal", "https://git.example.invalid/lab/study.git"}, st.work,
                               "HEAD " + head + " refs/heads/main " + std::string(40, '0') + "\n");
  EXPECT_EQ(hook.exit_code, 0) << hook.err;
  EXPECT_NE(hook.err.find("old/draft.csv"), std::string::npos) << "never silent: " << hook.err;
  EXPECT_NE(hook.err.find("not in this clone"), std::string::npos) << hook.err;
  EXPECT_NE(hook.err.find("allow_partial_clone says that is expected"), std::string::npos) << hook.err;
  EXPECT_TRUE(st.StillMissing()) << "the hook fetched nothing";
}

TEST(MissingObject, ARemovedLooseBlobIsAnErrorNamingItsPathAndId) {
  Storage st;
  std::string blob = Out(Git({"rev-parse", "HEAD:notes2.txt"}, st.seed));
  ASSERT_TRUE(fs::remove(LooseObjectPath(st.seed + "/.git", blob)));
  ASSERT_NE(Git({"fsck", "--no-progress"}, st.seed).exit_code, 0) << "git sees it missing too";

  ScanRun r = ScanJson({"--history"}, st.seed);
  EXPECT_EQ(r.code, 3) << r.report.dump(2);
  EXPECT_EQ(r.report["stats"]["blobs"], 2) << "the other notes are read";
  ASSERT_EQ(r.report["errors"].size(), 1u) << r.report.dump(2);
  const json& e = r.report["errors"][0];
  EXPECT_EQ(e["path"], "notes2.txt") << e.dump();
  EXPECT_EQ(e["blob"], blob) << e.dump();
  EXPECT_NE(e["message"].get<std::string>().find("blob " + blob + " is missing from the object database"),
            std::string::npos) << e.dump();
  EXPECT_TRUE(r.report["skipped"].empty()) << "not a partial clone: an error, not a skip";
}

TEST(MissingObject, ALooseObjectReplacedByAnotherValidObjectIsNamedAndNotScannedAsItsId) {
  Storage st;
  st.dir.Write("seed/data/ukb.csv", testing::UkbExtract(200));
  Git({"add", "-A"}, st.seed);
  Git({"commit", "-q", "--no-verify", "-m", "extract"}, st.seed);
  std::string notes = Out(Git({"rev-parse", "HEAD:notes1.txt"}, st.seed));
  std::string extract = Out(Git({"rev-parse", "HEAD:data/ukb.csv"}, st.seed));
  fs::path victim = LooseObjectPath(st.seed + "/.git", notes);
  ASSERT_TRUE(fs::remove(victim));
  fs::copy_file(LooseObjectPath(st.seed + "/.git", extract), victim);
  RunResult fsck = Git({"fsck", "--no-progress"}, st.seed);
  ASSERT_NE(fsck.err.find("hash-path mismatch"), std::string::npos) << "git sees the swap: " << fsck.err;

  for (const std::vector<std::string>& mode : {std::vector<std::string>{"--history"}, {"--range", "HEAD"}}) {
    ScanRun r = ScanJson(mode, st.seed);
    EXPECT_EQ(r.code, 3) << mode[0] << r.report.dump(2);
    EXPECT_EQ(Paths(r.report["findings"]), std::vector<std::string>{"data/ukb.csv"})
        << mode[0] << ": the real extract only, not notes1.txt read as one: " << r.report.dump(2);
    ASSERT_EQ(r.report["errors"].size(), 1u) << mode[0] << r.report.dump(2);
    const json& e = r.report["errors"][0];
    EXPECT_EQ(e["path"], "notes1.txt") << mode[0] << e.dump();
    EXPECT_EQ(e["blob"], notes) << mode[0] << e.dump();
    EXPECT_NE(e["message"].get<std::string>().find("holds the content of blob " + extract), std::string::npos)
        << mode[0] << e.dump();
  }
}

// The pre-commit framework's pre-push stage passes refs in PRE_COMMIT_* variables.
RunResult FrameworkPrePush(const std::string& work, const std::string& to_ref) {
  return testing::Run({"env", "PRE_COMMIT_REMOTE_URL=https://github.com/lab/study.git", "PRE_COMMIT_REMOTE_NAME=origin",
                       "PRE_COMMIT_TO_REF=" + to_ref, "PRE_COMMIT_FROM_REF=origin/main", COHORTGUARD_BINARY, "hook",
                       "pre-push"},
                      work);
}

TEST(Sha256Repository, PreCommitFrameworkPrePushResolvesRefsThroughGit) {
  Storage st("sha256");
  st.Clone({});
  ASSERT_EQ(st.CommitUnchecked("data/ukb.csv", testing::UkbExtract(200)).exit_code, 0);
  RunResult r = FrameworkPrePush(st.work, "HEAD");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("data/ukb.csv"), std::string::npos) << r.err;
  // A ref that does not resolve used to give an empty push and exit 0: it is refused, saying why.
  r = FrameworkPrePush(st.work, "no-such-branch");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("cannot resolve no-such-branch"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cg
