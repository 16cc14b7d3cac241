// history_read: how fast the --history source alone delivers every blob of a repository.
//
// Enumerates with GitHistorySource, then N threads (each with its own reader, as the scan
// engine does) take small batches from an atomic index and read every blob in full. The time
// is the floor under `cohortguard scan --history`: detection can only add to it.
//
// With --attribute K it then pretends K evenly spread blobs produced findings and times
// Finish(), the commit-graph walk that finds the first commit and path of each.
//
// usage: history_read REPO [--threads N] [--batch B] [--order pack|id] [--reader pack|libgit2]
//                          [--attribute K]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "source/git_history_source.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: history_read REPO [--threads N] [--batch B] [--order pack|id] [--reader pack|libgit2] [--attribute K]\n");
    return 2;
  }
  std::string repo = argv[1];
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  size_t batch = 64;
  std::string order = "pack";
  std::string reader_kind = "pack";
  size_t attribute = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--threads") threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
    else if (flag == "--batch") batch = std::stoul(argv[i + 1]);
    else if (flag == "--order") order = argv[i + 1];
    else if (flag == "--reader") reader_kind = argv[i + 1];
    else if (flag == "--attribute") attribute = std::stoul(argv[i + 1]);
    else { std::fprintf(stderr, "unknown flag %s\n", flag.c_str()); return 2; }
  }

  auto t0 = std::chrono::steady_clock::now();
  // The walk waits for Finish(), so the read and the walk are timed apart.
  cg::GitHistorySource source(repo, /*own_pack_reader=*/reader_kind == "pack", /*walk_early=*/false);
  std::vector<cg::Item> items;
  std::vector<cg::ScanError> errors;
  cg::Status s = source.Enumerate(&items, &errors);
  if (!s.ok()) {
    std::fprintf(stderr, "history_read: %s\n", s.message().c_str());
    return 3;
  }
  if (order == "id") {
    std::sort(items.begin(), items.end(), [](const cg::Item& a, const cg::Item& b) { return a.key < b.key; });
  }
  double enumerate_s = Seconds(t0);

  std::atomic<size_t> next{0};
  std::atomic<uint64_t> bytes{0};
  std::atomic<size_t> failed{0};
  auto t1 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      auto reader = source.NewReader();
      if (!reader.ok()) { failed += items.size(); return; }
      std::vector<char> buf(1 << 16);
      uint64_t local = 0;
      for (;;) {
        size_t begin = next.fetch_add(batch);
        if (begin >= items.size()) break;
        size_t end = std::min(items.size(), begin + batch);
        for (size_t i = begin; i < end; ++i) {
          auto stream = (*reader)->Open(items[i]);
          if (!stream.ok()) { ++failed; continue; }
          for (;;) {
            auto n = (*stream)->Read(buf.data(), buf.size());
            if (!n.ok() || *n == 0) break;
            local += *n;
          }
        }
      }
      bytes += local;
    });
  }
  for (auto& th : pool) th.join();
  double read_s = Seconds(t1);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double mb = bytes.load() / 1048576.0;
  std::printf("history_read: %zu blobs, %.1f MiB, %zu unreadable, %zu enumerate errors\n", items.size(), mb,
              failed.load(), errors.size());
  std::printf("history_read: enumerate %.2f s, read %.2f s (%u threads, batch %zu, %s order, %s reader), total %.2f s, "
              "%.1f MiB/s, peak RSS %.0f MiB\n",
              enumerate_s, read_s, threads, batch, order.c_str(), reader_kind.c_str(), enumerate_s + read_s, mb / (enumerate_s + read_s),
              ru.ru_maxrss / 1024.0);
  if (attribute > 0 && !items.empty()) {
    std::vector<cg::Finding> findings;
    size_t step = std::max<size_t>(1, items.size() / attribute);
    for (size_t i = 0; i < items.size() && findings.size() < attribute; i += step) {
      cg::Finding f;
      f.origin = items[i].origin;
      findings.push_back(f);
    }
    auto t2 = std::chrono::steady_clock::now();
    std::vector<cg::ScanError> finish_errors;
    std::vector<cg::Origin*> origins;
    for (auto& f : findings) origins.push_back(&f.origin);
    cg::Status fs = source.Finish(origins, &finish_errors);
    size_t placed = 0;
    for (const auto& f : findings) placed += !f.origin.path.empty();
    std::printf("history_read: attributed %zu of %zu blobs in %.2f s (%s, %zu errors)\n", placed, findings.size(),
                Seconds(t2), fs.ok() ? "ok" : fs.message().c_str(), finish_errors.size());
  }
  return failed.load() == 0 && errors.empty() ? 0 : 3;
}
