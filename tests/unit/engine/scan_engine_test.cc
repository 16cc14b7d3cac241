// ScanEngine with an in-memory source: streaming of findings, and the per-worker merge.
#include "engine/scan_engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "rules/rule_loader.h"
#include "support/test_support.h"

namespace cg {
namespace {

// N items, each a small UK Biobank extract; counts how many items were opened.
class MemorySource : public Source {
 public:
  explicit MemorySource(int n) : n_(n) {}
  Status Enumerate(std::vector<Item>* items, std::vector<ScanError>*) override {
    for (int i = 0; i < n_; ++i) items->push_back({Origin{"f" + std::to_string(i) + ".csv", "", "", "", ""},
                                                  std::to_string(i), -1});
    return Status::Ok();
  }
  Expected<std::unique_ptr<ItemReader>> NewReader() override {
    struct Reader : ItemReader {
      MemorySource* src;
      Expected<std::unique_ptr<ByteStream>> Open(const Item& item) override {
        src->opened++;
        return std::unique_ptr<ByteStream>(
            new MemoryStream(testing::UkbExtract(50, 3, static_cast<unsigned>(std::stoi(item.key)) + 1)));
      }
    };
    auto r = std::make_unique<Reader>();
    r->src = this;
    return std::unique_ptr<ItemReader>(std::move(r));
  }
  std::atomic<int> opened{0};

 private:
  int n_;
};

TEST(ScanEngine, ListenerSeesFindingsWhileTheScanIsStillRunning) {
  auto rules = LoadRules(false, {});
  ASSERT_TRUE(rules.ok());
  ScanOptions options;
  options.threads = 1;
  ScanEngine engine(*rules, {}, options);
  MemorySource source(200);
  std::vector<int> opened_at_call;
  size_t streamed = 0;
  ScanResult r = engine.Run(source, [&](const std::vector<Finding>& findings, const std::vector<AllowMarker>&) {
    opened_at_call.push_back(source.opened.load());
    streamed += findings.size();
  });
  ASSERT_EQ(r.findings.size(), 200u);
  EXPECT_EQ(streamed, 200u);
  ASSERT_FALSE(opened_at_call.empty());
  EXPECT_EQ(opened_at_call.front(), 1) << "the first item's findings arrive before the second item is opened";
}

TEST(ScanEngine, WorkersMergeEveryItemOnce) {
  auto rules = LoadRules(false, {});
  ASSERT_TRUE(rules.ok());
  ScanOptions options;
  options.threads = 4;
  ScanEngine engine(*rules, {}, options);
  MemorySource source(333);
  ScanResult r = engine.Run(source);
  EXPECT_EQ(source.opened.load(), 333);
  EXPECT_EQ(r.stats.files, 333u);
  ASSERT_EQ(r.findings.size(), 333u);
  std::set<std::string> paths;
  for (const auto& f : r.findings) paths.insert(f.origin.path);
  EXPECT_EQ(paths.size(), 333u);
}

}  // namespace
}  // namespace cg
