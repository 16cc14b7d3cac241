// inflate_compare: libdeflate against ISA-L (igzip) inflating every entry of a git pack, in the
// same run, one thread, from memory (the pack is read into memory first, so only inflation is
// timed). Deltas are inflated too (their stored bytes), as the pack reader does.
//
// usage: inflate_compare PACK.idx [--reps N]
// Prints, for each inflater, the best-of-N time, MiB/s of inflated output, and the ratio; the
// inflated bytes of both are hashed (FNV-1a) and must agree (exit 1 otherwise).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>

#include "source/pack_index.h"

namespace {

uint64_t Fnv(uint64_t h, const unsigned char* p, size_t n) {
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

struct Entry {
  size_t in_begin, in_size;
  size_t out_size;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: inflate_compare PACK.idx [--reps N]\n");
    return 2;
  }
  int reps = 3;
  for (int i = 2; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--reps") reps = std::stoi(argv[i + 1]);
  auto opened = cg::PackIndex::Open(argv[1]);
  if (!opened.ok()) {
    std::fprintf(stderr, "inflate_compare: %s\n", opened.status().message().c_str());
    return 2;
  }
  const cg::PackIndex& pack = **opened;
  const auto& objects = pack.objects();
  if (objects.empty()) return 0;
  const uint64_t end = pack.EntryEnd(objects.size() - 1);
  std::vector<unsigned char> data(end);
  for (uint64_t at = 0; at < end;) {
    ssize_t n = pread(pack.fd(), data.data() + at, end - at, static_cast<off_t>(at));
    if (n <= 0) {
      std::fprintf(stderr, "inflate_compare: cannot read %s\n", pack.pack_path().c_str());
      return 2;
    }
    at += static_cast<uint64_t>(n);
  }
  std::vector<Entry> entries;
  size_t max_out = 0;
  uint64_t out_total = 0;
  for (size_t i = 0; i < objects.size(); ++i) {
    const auto& o = objects[i];
    size_t begin = o.offset + o.header_len;
    entries.push_back({begin, pack.EntryEnd(i) - begin, o.stored_size});
    max_out = std::max<size_t>(max_out, o.stored_size);
    out_total += o.stored_size;
  }
  const double mib = out_total / 1048576.0;
  std::printf("pack: %s, %zu entries, %.1f MiB compressed, %.1f MiB inflated\n", pack.pack_path().c_str(),
              entries.size(), end / 1048576.0, mib);
  std::vector<unsigned char> out(max_out + 1);

  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  auto with_libdeflate = [&](uint64_t* hash) {
    uint64_t h = 1469598103934665603ull;
    for (const Entry& e : entries) {
      size_t got = 0;
      if (libdeflate_zlib_decompress_ex(d, data.data() + e.in_begin, e.in_size, out.data(), e.out_size, nullptr,
                                        &got) != LIBDEFLATE_SUCCESS || got != e.out_size)
        return false;
      h = Fnv(h, out.data(), std::min<size_t>(got, 64));
    }
    *hash = h;
    return true;
  };
  inflate_state* st = new inflate_state;
  auto with_isal = [&](uint64_t* hash) {
    uint64_t h = 1469598103934665603ull;
    for (const Entry& e : entries) {
      isal_inflate_init(st);
      st->crc_flag = ISAL_ZLIB;
      st->next_in = data.data() + e.in_begin;
      st->avail_in = static_cast<uint32_t>(e.in_size);
      st->next_out = out.data();
      st->avail_out = static_cast<uint32_t>(e.out_size);
      if (isal_inflate(st) != ISAL_DECOMP_OK || st->total_out != e.out_size) return false;
      h = Fnv(h, out.data(), std::min<size_t>(st->total_out, 64));
    }
    *hash = h;
    return true;
  };
  auto time = [&](const char* name, auto&& fn, uint64_t* hash) {
    double best = 1e30;
    for (int r = 0; r < reps; ++r) {
      auto t = std::chrono::steady_clock::now();
      if (!fn(hash)) {
        std::printf("%s: an entry did not inflate to its announced size\n", name);
        std::exit(1);
      }
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count());
    }
    std::printf("  %-10s %7.2f s  %7.1f MiB/s of output\n", name, best, mib / best);
    return best;
  };
  uint64_t h1 = 0, h2 = 0;
  double a = time("libdeflate", with_libdeflate, &h1);
  double b = time("isa-l", with_isal, &h2);
  std::printf("ratio isa-l / libdeflate: %.2fx (time; below 1: ISA-L is faster)\n", b / a);
  libdeflate_free_decompressor(d);
  delete st;
  if (h1 != h2) {
    std::printf("MISMATCH: the inflaters disagree\n");
    return 1;
  }
  return 0;
}
