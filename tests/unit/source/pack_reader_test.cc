#include "source/pack_reader.h"

#include <gtest/gtest.h>

#include "source/git_handle.h"
#include "unit/source/git_test_repo.h"

namespace cg {
namespace {

using testing::GitTestRepo;
using testing::ShellQuote;

TEST(PackReader, EveryObjectMatchesWhatLibgit2ReadsIncludingLongDeltaChains) {
  GitTestRepo repo;
  for (int i = 0; i < 40; ++i) {
    std::string body;
    for (int k = 0; k < 400; ++k) body += "v " + std::to_string(k * (k % 7 == i % 7 ? i + 1 : 1)) + "\n";
    repo.Write("tables/t" + std::to_string(i % 3) + ".csv", body);
    repo.Commit("c" + std::to_string(i));
  }
  repo.Git("gc -q --aggressive");
  std::string idx = testing::Sh("ls " + ShellQuote(repo.dir()) + "/.git/objects/pack/*.idx");
  auto opened = PackIndex::Open(idx);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  std::shared_ptr<const PackIndex> pack = std::move(*opened);

  auto repo_handle = git::OpenRepository(repo.dir());
  ASSERT_TRUE(repo_handle.ok());
  git_odb* odb = nullptr;
  ASSERT_EQ(git_repository_odb(&odb, repo_handle->get()), 0);
  git::Odb owned_odb(odb);

  // A tiny cache forces chains to be re-walked from their whole base; a big one serves them.
  for (size_t cache : {size_t{1}, size_t{64} << 20}) {
    PackReader reader(pack, cache);
    size_t max_chain = 0;
    for (size_t pos = 0; pos < pack->objects().size(); ++pos) {
      size_t chain = 0;
      for (int64_t b = pack->objects()[pos].base; b >= 0; b = pack->objects()[b].base) ++chain;
      max_chain = std::max(max_chain, chain);
      auto mine = reader.Read(pos);
      ASSERT_TRUE(mine.ok()) << mine.status().message();
      git_odb_object* raw = nullptr;
      ASSERT_EQ(git_odb_read(&raw, owned_odb.get(), &pack->objects()[pos].id), 0);
      git::OdbObject theirs(raw);
      std::string expected(static_cast<const char*>(git_odb_object_data(raw)), git_odb_object_size(raw));
      ASSERT_EQ(**mine, expected) << git::OidHex(pack->objects()[pos].id);
    }
    EXPECT_GE(max_chain, 3u) << "the fixture must exercise delta chains";
  }
}

struct DeltaCase {
  const char* name;
  std::string delta;
  const char* expect;  // result, or the error text for a corrupt delta
  bool ok;
};

TEST(ApplyGitDelta, AppliesCopiesAndInsertsAndRejectsMalformedDeltas) {
  const std::string base = "0123456789";
  const DeltaCase cases[] = {
      {"copy then insert", std::string("\x0a\x06\x91\x02\x03\x03xyz", 9), "234xyz", true},
      {"copy size 0 means 64 KiB, out of range here", std::string("\x0a\x0a\x80", 3), "out of range", false},
      {"base size mismatch", std::string("\x09\x01\x01x", 4), "base of 9 bytes", false},
      {"truncated header", std::string("\x8a", 1), "truncated delta header", false},
      {"opcode zero", std::string("\x0a\x01\x00", 3), "opcode 0", false},
      {"insert past end", std::string("\x0a\x05\x05xy", 5), "insert out of range", false},
      {"copy past base", std::string("\x0a\x04\x91\x08\x04", 5), "copy out of range", false},
      {"short result", std::string("\x0a\x05\x02xy", 5), "produced 2 of 5", false},
  };
  for (const DeltaCase& c : cases) {
    auto r = ApplyGitDelta(base, reinterpret_cast<const unsigned char*>(c.delta.data()), c.delta.size());
    ASSERT_EQ(r.ok(), c.ok) << c.name << ": " << (r.ok() ? *r : r.status().message());
    if (c.ok) {
      EXPECT_EQ(*r, c.expect) << c.name;
    } else {
      EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << c.name;
      EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << c.name << ": " << r.status().message();
    }
  }
}

TEST(PackReader, DamagedPackIsCorruptNamingPackAndOffset) {
  GitTestRepo repo;
  std::string body;
  for (int k = 0; k < 2000; ++k) body += "row " + std::to_string(k) + "\n";
  repo.Write("a.csv", body);
  repo.Commit("one");
  repo.Git("gc -q");
  std::string idx = testing::Sh("ls " + ShellQuote(repo.dir()) + "/.git/objects/pack/*.idx");
  auto opened = PackIndex::Open(idx);
  ASSERT_TRUE(opened.ok());
  std::shared_ptr<const PackIndex> pack = std::move(*opened);
  size_t blob = 0;
  while (pack->objects()[blob].type != GIT_OBJECT_BLOB) ++blob;
  // Overwrite the middle of the blob's zlib stream.
  uint64_t mid = (pack->objects()[blob].offset + pack->EntryEnd(blob)) / 2;
  std::string pack_path = pack->pack_path();
  testing::Sh("chmod u+w " + ShellQuote(pack_path) + " && printf 'XXXXXXXX' | dd of=" + ShellQuote(pack_path) +
              " bs=1 seek=" + std::to_string(mid) + " conv=notrunc status=none");
  PackReader reader(pack, 1 << 20);
  auto r = reader.Read(blob);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status().message().find(pack_path), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("offset " + std::to_string(pack->objects()[blob].offset)), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace cg
