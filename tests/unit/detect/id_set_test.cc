// Id sets: keyed hashing, the .cgid file, and exact distinct counts over streamed tables.
#include "detect/id_set.h"

#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <fstream>

#include "detect/id_column_counter.h"
#include "detect/table_sniffer.h"
#include "support/test_support.h"

namespace cg {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef";
const std::string kOtherKey = "fedcba9876543210fedcba9876543210";

std::vector<std::string> Ids(int from, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(std::to_string(from + i * 7));
  return out;
}

TEST(IdHasher, EqualsOpenSslHmacSha256TruncatedTo64BitsForShortAndLongKeys) {
  for (const std::string& key : {kKey, std::string(100, 'k')}) {
    IdHasher h(key);
    for (const std::string& id : std::vector<std::string>{"1234567", "", "FG00012345", std::string(300, 'x')}) {
      unsigned char md[32];
      unsigned int len = 0;
      HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(id.data()),
           id.size(), md, &len);
      uint64_t want = 0;
      for (int i = 0; i < 8; ++i) want = (want << 8) | md[i];
      EXPECT_EQ(h.Hash(id), want) << id.size();
    }
  }
}

TEST(IdHasher, NormalisesBlanksAndQuotesBeforeHashing) {
  IdHasher h(kKey);
  const uint64_t plain = h.Hash("1234567");
  for (const char* form : {" 1234567", "1234567\r", "\"1234567\"", "\t\" 1234567 \"\n"}) EXPECT_EQ(h.Hash(form), plain) << form;
  EXPECT_NE(h.Hash("1234568"), plain);
  EXPECT_NE(IdHasher(kOtherKey).Hash("1234567"), plain);
}

TEST(IdSet, SavedSetLoadsWithItsKeyAndFindsEveryIdAndNoOther) {
  testing::TempDir dir;
  auto set = IdSet::Build("APP12345", kKey, Ids(1000000, 500));
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->size(), 500u);
  const std::string path = (dir.path() / "a.cgid").string();
  ASSERT_TRUE(set->Save(path).ok());
  auto loaded = IdSet::Load(path, kKey);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->label(), "APP12345");
  EXPECT_EQ(loaded->entries(), set->entries());
  IdHasher h(kKey);
  for (const auto& id : Ids(1000000, 500)) EXPECT_GE(loaded->Find(h.Hash(id)), 0);
  int false_hits = 0;
  for (const auto& id : Ids(2000000, 5000)) false_hits += loaded->Find(h.Hash(id)) >= 0;
  EXPECT_EQ(false_hits, 0);
  // The file holds no id in any readable form.
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.find("1000000"), std::string::npos);
  EXPECT_EQ(bytes.size(), 32 + 8 + 500 * 8u);
}

TEST(IdSet, DuplicatesAndBlankLinesCountOnce) {
  auto set = IdSet::Build("X", kKey, {"1", " 1", "\"1\"", "", "  ", "2"});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->size(), 2u);
}

TEST(IdSet, WrongKeyIsAnErrorNamingTheFileNotAnEmptyMatch) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "a.cgid").string();
  ASSERT_TRUE(IdSet::Build("APP1", kKey, Ids(1, 10))->Save(path).ok());
  auto loaded = IdSet::Load(path, kOtherKey);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find(path), std::string::npos);
  EXPECT_NE(loaded.status().message().find("different key"), std::string::npos);
}

TEST(IdSet, DamagedFilesAreRefusedWithTheReason) {
  testing::TempDir dir;
  const std::string good = (dir.path() / "good.cgid").string();
  ASSERT_TRUE(IdSet::Build("APP1", kKey, Ids(1, 10))->Save(good).ok());
  std::ifstream in(good, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  struct Case { std::string name, content, reason; };
  std::string unsorted = bytes;
  std::swap_ranges(unsorted.end() - 16, unsorted.end() - 8, unsorted.end() - 8);
  const std::vector<Case> cases = {
      {"empty", "", "bad magic"},
      {"text", "1234567\n2345678\n", "bad magic"},
      {"truncated", bytes.substr(0, bytes.size() - 3), "truncated"},
      {"padded", bytes + "x", "truncated or padded"},
      {"unsorted", unsorted, "not strictly increasing"},
  };
  for (const auto& c : cases) {
    auto p = dir.Write(c.name + ".cgid", c.content);
    auto loaded = IdSet::Load(p.string(), kKey);
    ASSERT_FALSE(loaded.ok()) << c.name;
    EXPECT_NE(loaded.status().message().find(c.reason), std::string::npos) << c.name << ": " << loaded.status().message();
    EXPECT_NE(loaded.status().message().find(p.string()), std::string::npos) << c.name;
  }
}

// A table streamed through the counter in awkward chunk sizes (lines split anywhere).
struct Counted {
  std::vector<IdSetMatch> matches;
  uint64_t checked = 0;
};

Counted CountStreamed(const IdSetCollection& sets, const std::string& text, size_t chunk) {
  SniffOptions so;  // as the document analyzer sniffs: rule packs know "eid"
  so.known_column = [](const std::string& cell) { return cell == "eid"; };
  auto sniffed = SniffTable(text.substr(0, 4096), text.size() <= 4096, so);
  EXPECT_TRUE(sniffed.has_value());
  IdColumnCounter counter(sets, sniffed->table);
  for (size_t i = 0; i < text.size(); i += chunk) counter.Feed(std::string_view(text).substr(i, chunk));
  counter.Finish();
  return {counter.Matches(), counter.values_checked()};
}

IdSetCollection Collection(const std::vector<IdSet>& sets) {
  testing::TempDir dir;
  std::vector<std::string> paths;
  for (const auto& s : sets) {
    paths.push_back((dir.path() / (s.label() + ".cgid")).string());
    EXPECT_TRUE(s.Save(paths.back()).ok());
  }
  auto c = IdSetCollection::Load(paths, kKey);
  EXPECT_TRUE(c.ok());
  return std::move(*c);
}

TEST(IdColumnCounter, CountsDistinctIdsOfEachSetOverEveryRowNotJustTheSample) {
  // 3,000 rows (beyond the sniffer's 200-row sample), ids in the second column, some repeated.
  std::string table = "visit,eid,sex\n";
  for (int i = 0; i < 3000; ++i) table += std::to_string(i) + "," + std::to_string(1000000 + (i % 2500) * 7) + ",1\n";
  std::vector<std::string> app = Ids(1000000, 2000);        // 2,000 of the 2,500 distinct eids
  std::vector<std::string> other = Ids(1000000 + 7 * 2400, 400);  // 100 inside, 300 outside
  IdSetCollection sets = Collection({*IdSet::Build("APP1", kKey, app), *IdSet::Build("APP2", kKey, other),
                                     *IdSet::Build("DISJOINT", kKey, Ids(5000000, 50))});
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, table.size()}) {
    Counted c = CountStreamed(sets, table, chunk);
    ASSERT_EQ(c.matches.size(), 2u) << chunk;
    EXPECT_EQ(c.matches[0].label, "APP1");
    EXPECT_EQ(c.matches[0].matched, 2000u);
    EXPECT_EQ(c.matches[0].size, 2000u);
    EXPECT_EQ(c.matches[1].label, "APP2");
    EXPECT_EQ(c.matches[1].matched, 100u);
    EXPECT_EQ(c.checked, 3000u);
  }
}

TEST(IdColumnCounter, DisjointSetLeavesTheCounterInactive) {
  std::string table = "eid,sex\n";
  for (int i = 0; i < 300; ++i) table += std::to_string(1000000 + i) + ",1\n";
  IdSetCollection sets = Collection({*IdSet::Build("OTHER", kKey, Ids(3000000, 300))});
  auto sniffed = SniffTable(table, true, SniffOptions{});
  ASSERT_TRUE(sniffed);
  IdColumnCounter counter(sets, sniffed->table);
  EXPECT_FALSE(counter.active());
  counter.Feed(table);
  EXPECT_TRUE(counter.Matches().empty());
  EXPECT_EQ(counter.values_checked(), 0u);
}

TEST(IdColumnCounter, QuotedCellsCrlfAndBomStillMatch) {
  std::string table = "\xEF\xBB\xBF\"eid\",\"note\"\r\n";
  for (int i = 0; i < 50; ++i) table += "\"" + std::to_string(1000000 + i * 7) + "\",\"a, b\"\r\n";
  IdSetCollection sets = Collection({*IdSet::Build("APP1", kKey, Ids(1000000, 50))});
  Counted c = CountStreamed(sets, table, 13);
  ASSERT_EQ(c.matches.size(), 1u);
  EXPECT_EQ(c.matches[0].matched, 50u);
  EXPECT_EQ(c.checked, 50u);
}

}  // namespace
}  // namespace cg
