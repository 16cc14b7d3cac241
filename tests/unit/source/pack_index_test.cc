#include "source/pack_index.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "source/git_handle.h"
#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using testing::GitTestRepo;
using testing::ShellQuote;

// A repository whose single pack holds OFS_DELTA chains of blobs and trees.
void BuildDeltaRichRepo(const GitTestRepo& repo) {
  for (int i = 0; i < 25; ++i) {
    std::string body;
    for (int k = 0; k < 300; ++k) body += "row " + std::to_string(k) + (k % 25 == i ? " edited\n" : "\n");
    repo.Write("t" + std::to_string(i % 4) + "/table.csv", body);
    repo.Commit("c" + std::to_string(i));
  }
  repo.Git("gc -q --aggressive");
}

TEST(PackIndex, ListsEveryObjectInOffsetOrderWithTheTypeGitReports) {
  GitTestRepo repo;
  BuildDeltaRichRepo(repo);
  std::string idx = testing::Sh("ls " + ShellQuote(repo.dir()) + "/.git/objects/pack/*.idx");
  auto pack = PackIndex::Open(idx);
  ASSERT_TRUE(pack.ok()) << pack.status().message();

  std::map<std::string, std::string> type_by_id;
  std::istringstream git_out(repo.Git("cat-file --batch-all-objects --batch-check='%(objectname) %(objecttype) %(deltabase)'"));
  std::string id, type, base;
  size_t deltas = 0;
  while (git_out >> id >> type >> base) {
    type_by_id[id] = type;
    if (base != std::string(40, '0')) ++deltas;
  }
  ASSERT_GT(deltas, 10u) << "the fixture must exercise delta chains";
  ASSERT_EQ((*pack)->objects().size(), type_by_id.size());
  uint64_t last = 0;
  for (const PackedObject& o : (*pack)->objects()) {
    EXPECT_GT(o.offset, last);
    last = o.offset;
    std::string hex = git::OidHex(o.id);
    ASSERT_NE(o.type, GIT_OBJECT_INVALID) << hex;
    EXPECT_EQ(type_by_id[hex], git_object_type2string(o.type)) << hex;
  }
}

TEST(PackIndex, TruncatedIndexIsCorruptAndNamesTheFile) {
  GitTestRepo repo;
  BuildDeltaRichRepo(repo);
  std::string idx = testing::Sh("ls " + ShellQuote(repo.dir()) + "/.git/objects/pack/*.idx");
  std::string copy = repo.Sibling("bad.idx");
  testing::Sh("head -c 1100 " + ShellQuote(idx) + " > " + ShellQuote(copy));
  std::string pack = idx.substr(0, idx.size() - 4) + ".pack";
  testing::Sh("cp " + ShellQuote(pack) + " " + ShellQuote(repo.Sibling("bad.pack")));
  auto p = PackIndex::Open(copy);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(p.status().message().find(copy), std::string::npos) << p.status().message();
}

TEST(PackIndex, FindsPacksOfAlternatesToo) {
  GitTestRepo repo;
  BuildDeltaRichRepo(repo);
  std::string shared = repo.Sibling("shared");
  testing::Sh("git clone -q --shared " + ShellQuote(repo.dir()) + " " + ShellQuote(shared));
  std::vector<std::string> idx = FindPackIndexes(shared + "/.git/objects");
  ASSERT_EQ(idx.size(), 1u);
  EXPECT_NE(idx[0].find(repo.dir()), std::string::npos) << idx[0];
}

}  // namespace
}  // namespace cg
