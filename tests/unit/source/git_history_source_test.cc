#include "source/git_history_source.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "content/file_type.h"
#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

std::vector<Origin*> OriginsOf(std::vector<Finding>& findings) {
  std::vector<Origin*> out;
  for (Finding& f : findings) out.push_back(&f.origin);
  return out;
}

using testing::GitTestRepo;
using testing::ListAndRead;
using testing::ShellQuote;

const char kLeak[] = "eid,31-0.0,34-0.0\n1000001,1,1950\n1000002,0,1961\n";

// Stands in for the detector: one finding per readable blob whose content contains `marker`.
std::vector<Finding> FindingsFor(const testing::Listed& l, const std::string& marker) {
  std::vector<Finding> out;
  for (const Item& item : l.items) {
    auto it = l.content_by_blob.find(item.key);
    if (it == l.content_by_blob.end() || it->second.find(marker) == std::string::npos) continue;
    Finding f;
    f.rule = "test.marker";
    f.origin = item.origin;
    out.push_back(f);
  }
  return out;
}

std::vector<std::string> BlobIdsFromGit(const std::string& git_dir) {
  std::string out = testing::Sh("git --git-dir=" + ShellQuote(git_dir) +
                                " cat-file --batch-all-objects --batch-check='%(objecttype) %(objectname)'"
                                " | awk '$1==\"blob\"{print $2}' | sort");
  std::vector<std::string> ids;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    ids.push_back(out.substr(start, end - start));
    start = end + 1;
  }
  return ids;
}

std::vector<std::string> ListedIds(const testing::Listed& l) {
  std::vector<std::string> ids;
  for (const Item& i : l.items) ids.push_back(i.key);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(GitHistorySource, LeakAddedThenDeletedIsFoundAndAttributedToItsCommitAndPath) {
  GitTestRepo repo;
  repo.Write("src/main.py", "print('hi')\n");
  repo.Commit("one");
  repo.Write("data/extract.csv", kLeak);
  std::string leak_commit = repo.Commit("add extract");
  repo.Git("rm -q data/extract.csv");
  repo.Commit("remove extract");
  repo.Write("src/main.py", "print('hello')\n");
  repo.Commit("three");
  ASSERT_FALSE(std::filesystem::exists(repo.dir() + "/data/extract.csv"));  // a worktree scan cannot see it

  GitHistorySource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_EQ(ListedIds(l), BlobIdsFromGit(repo.dir() + "/.git"));
  std::vector<Finding> findings = FindingsFor(l, "1000001");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(findings[0].origin.path.empty());
  std::vector<ScanError> errors;
  ASSERT_TRUE(source.Finish(OriginsOf(findings), &errors).ok());
  EXPECT_EQ(findings[0].origin.path, "data/extract.csv");
  EXPECT_EQ(findings[0].origin.commit, leak_commit);
  EXPECT_TRUE(errors.empty());
}

TEST(GitHistorySource, AttributesToTheOldestCommitEvenOnAnUnmergedBranch) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("one");
  repo.Git("checkout -q -b wip");
  repo.Write("wip/extract.csv", kLeak);
  std::string first = repo.Commit("wip extract");
  repo.Write("wip/again.csv", kLeak);  // same blob again, later
  repo.Commit("copy");
  repo.Git("checkout -q main");
  GitHistorySource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  std::vector<Finding> findings = FindingsFor(l, "1000001");
  ASSERT_EQ(findings.size(), 1u);  // each blob scanned exactly once
  std::vector<ScanError> errors;
  ASSERT_TRUE(source.Finish(OriginsOf(findings), &errors).ok());
  EXPECT_EQ(findings[0].origin.path, "wip/extract.csv");
  EXPECT_EQ(findings[0].origin.commit, first);
}

TEST(GitHistorySource, UnreachableBlobIsReportedByIdWithoutPath) {
  GitTestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("one");
  repo.Write("stray.csv", kLeak);
  std::string blob = repo.Git("hash-object -w stray.csv");
  std::filesystem::remove(repo.dir() + "/stray.csv");
  GitHistorySource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  std::vector<Finding> findings = FindingsFor(l, "1000001");
  ASSERT_EQ(findings.size(), 1u);
  std::vector<ScanError> errors;
  ASSERT_TRUE(source.Finish(OriginsOf(findings), &errors).ok());
  EXPECT_EQ(findings[0].origin.blob, blob);
  EXPECT_TRUE(findings[0].origin.path.empty());
  EXPECT_TRUE(findings[0].origin.commit.empty());
}

TEST(GitHistorySource, PackedLooseAndAlternateObjectsAreEachListedOnce) {
  GitTestRepo repo;
  for (int i = 0; i < 30; ++i) {
    // Similar files so that gc stores deltas (OFS_DELTA chains of blobs and trees).
    std::string body;
    for (int k = 0; k < 200; ++k) body += "line " + std::to_string(k) + (k == i ? " changed\n" : "\n");
    repo.Write("f.txt", body);
    repo.Write("d" + std::to_string(i % 3) + "/g.txt", body + std::to_string(i));
    repo.Commit("c" + std::to_string(i));
  }
  repo.Git("gc -q --aggressive");
  repo.Write("loose.txt", "loose object after gc\n");
  repo.Commit("loose");
  GitHistorySource packed(repo.dir());
  auto l = ListAndRead(packed);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_EQ(ListedIds(l), BlobIdsFromGit(repo.dir() + "/.git"));
  EXPECT_EQ(l.content_by_blob.size(), l.items.size());
  GitHistorySource through_libgit2(repo.dir(), /*own_pack_reader=*/false);
  EXPECT_EQ(ListAndRead(through_libgit2).content_by_blob, l.content_by_blob);

  // A --shared clone borrows every object through objects/info/alternates.
  std::string shared = repo.Sibling("shared");
  testing::Sh("git clone -q --shared " + ShellQuote(repo.dir()) + " " + ShellQuote(shared));
  testing::Sh("git -C " + ShellQuote(shared) + " -c user.name=t -c user.email=t@t commit -q --allow-empty -m x");
  GitHistorySource borrowed(shared);
  auto lb = ListAndRead(borrowed);
  ASSERT_TRUE(lb.status.ok()) << lb.status.message();
  EXPECT_EQ(ListedIds(lb), ListedIds(l));
  EXPECT_EQ(lb.content_by_blob.size(), lb.items.size());
}

TEST(GitHistorySource, BareMirrorCloneWorks) {
  GitTestRepo repo;
  repo.Write("data/extract.csv", kLeak);
  std::string leak_commit = repo.Commit("add");
  repo.Git("rm -q data/extract.csv");
  repo.Commit("remove");
  std::string mirror = repo.Sibling("mirror.git");
  testing::Sh("git clone -q --mirror " + ShellQuote(repo.dir()) + " " + ShellQuote(mirror));
  GitHistorySource source(mirror);
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_EQ(ListedIds(l), BlobIdsFromGit(mirror));
  std::vector<Finding> findings = FindingsFor(l, "1000001");
  ASSERT_EQ(findings.size(), 1u);
  std::vector<ScanError> errors;
  ASSERT_TRUE(source.Finish(OriginsOf(findings), &errors).ok());
  EXPECT_EQ(findings[0].origin.path, "data/extract.csv");
  EXPECT_EQ(findings[0].origin.commit, leak_commit);
}

TEST(GitHistorySource, RemovedTreeIsAnErrorWithItsIdAndOtherFindingsAreStillAttributed) {
  GitTestRepo repo;
  repo.Write("data/extract.csv", kLeak);
  std::string leak_commit = repo.Commit("add");
  repo.Write("broken/x.txt", "x\n");
  repo.Commit("tree to lose");
  repo.Write("later.csv", std::string(kLeak) + "1000003,1,1970\n");
  std::string later = repo.Commit("later");
  // Removed last: committing would otherwise write the missing tree again.
  std::string tree = repo.Git("rev-parse HEAD:broken");
  repo.RemoveLooseObject(tree);
  GitHistorySource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  std::vector<Finding> findings = FindingsFor(l, "1000001");
  ASSERT_EQ(findings.size(), 2u);
  std::vector<ScanError> errors;
  ASSERT_TRUE(source.Finish(OriginsOf(findings), &errors).ok());
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find(tree), std::string::npos) << errors[0].message;
  for (const Finding& f : findings) {
    EXPECT_EQ(f.origin.commit, f.origin.path == "later.csv" ? later : leak_commit) << f.origin.path;
  }
}

TEST(GitHistorySource, DamagedPackedBlobIsAReadErrorWithItsIdAndOtherBlobsStillRead) {
  GitTestRepo repo;
  std::string body;
  for (int k = 0; k < 3000; ++k) body += "row " + std::to_string(k) + "\n";
  repo.Write("damaged.txt", body);
  repo.Write("data/extract.csv", kLeak);
  repo.Commit("one");
  repo.Git("gc -q");
  std::string damaged = repo.Git("rev-parse HEAD:damaged.txt");
  // Offset of the blob in the pack, from git itself; overwrite bytes inside its zlib stream.
  std::string pack = testing::Sh("ls " + ShellQuote(repo.dir()) + "/.git/objects/pack/*.pack");
  std::string offset = testing::Sh("git -C " + ShellQuote(repo.dir()) +
                                   " show-index < " + ShellQuote(pack.substr(0, pack.size() - 5) + ".idx") +
                                   " | awk '$2==\"" + damaged + "\"{print $1}'");
  ASSERT_FALSE(offset.empty());
  testing::Sh("chmod u+w " + ShellQuote(pack) + " && printf 'XXXXXXXXXXXX' | dd of=" + ShellQuote(pack) +
              " bs=1 seek=" + std::to_string(std::stoull(offset) + 40) + " conv=notrunc status=none");
  GitHistorySource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.read_errors.size(), 1u);
  EXPECT_NE(l.read_errors[0].find(damaged), std::string::npos) << l.read_errors[0];
  EXPECT_EQ(FindingsFor(l, "1000001").size(), 1u);
}

TEST(GitHistorySource, GitLfsPointerBlobSniffsAsAPointer) {
  GitTestRepo repo;
  repo.Write("big.csv",
             "version https://git-lfs.github.com/spec/v1\n"
             "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
  repo.Commit("lfs");
  GitHistorySource source(repo.dir());
  auto l = ListAndRead(source);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.items.size(), 1u);
  EXPECT_EQ(SniffFileType(l.content_by_blob[l.items[0].key], ""), FileType::kGitLfsPointer);
}

}  // namespace
}  // namespace cg
