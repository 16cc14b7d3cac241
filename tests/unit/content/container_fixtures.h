// Test helpers for the container readers: builders for compressed and archived bytes (made
// here with the same Debian libraries, so no binary fixture is committed) and a miniature of the
// scan engine's recursion (sniff, FindReader, Expand, emit depth-first) that collects what came
// out. Header-only because CMake compiles only *_test.cc files under tests/.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "content/file_type.h"
#include "content/reader_registry.h"
#include "core/document.h"

namespace cg::testing {

// Deflates `data` whole: windowBits 15+16 writes gzip, -15 raw deflate.
inline std::string Deflate(const std::string& data, int level, int window_bits) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string Gzip(const std::string& data, int level = 6) { return Deflate(data, level, 15 + 16); }

// BGZF: gzip members of at most 64 KiB input, each with the "BC" extra field, then the
// 28-byte empty end-of-file member, as bgzip writes them.
inline std::string Bgzf(const std::string& data) {
  auto block = [](const std::string& chunk) {
    std::string raw = Deflate(chunk, 6, -15);
    std::string b("\x1f\x8b\x08\x04\0\0\0\0\0\xff\x06\0BC\x02\0", 16);
    uint16_t bsize = static_cast<uint16_t>(18 + raw.size() + 8 - 1);
    b += static_cast<char>(bsize & 0xff);
    b += static_cast<char>(bsize >> 8);
    b += raw;
    uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    uint32_t isize = static_cast<uint32_t>(chunk.size());
    for (int i = 0; i < 4; ++i) b += static_cast<char>((crc >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i) b += static_cast<char>((isize >> (8 * i)) & 0xff);
    return b;
  };
  std::string out;
  for (size_t i = 0; i < data.size(); i += 60000) out += block(data.substr(i, 60000));
  out += block("");
  return out;
}

inline std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

inline std::string Xz(const std::string& data) {
  std::string out(lzma_stream_buffer_bound(data.size()), '\0');
  size_t pos = 0;
  lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(data.data()), data.size(),
                          reinterpret_cast<uint8_t*>(out.data()), &pos, out.size());
  out.resize(pos);
  return out;
}

inline std::string Bzip2(const std::string& data) {
  unsigned int len = static_cast<unsigned int>(data.size() + data.size() / 100 + 600);
  std::string out(len, '\0');
  BZ2_bzBuffToBuffCompress(out.data(), &len, const_cast<char*>(data.data()), static_cast<unsigned>(data.size()), 9, 0, 0);
  out.resize(len);
  return out;
}

struct Member {
  std::string path;
  std::string data;
};

// A zip or tar archive in memory, written by libarchive. `zip_options` such as
// "zip:compression=store" or "zip:encryption=zipcrypt" go to archive_write_set_options.
inline std::string Archive(const std::vector<Member>& members, bool zip = true, const char* zip_options = nullptr,
                           const char* passphrase = nullptr) {
  std::string out;
  archive* a = archive_write_new();
  if (zip)
    archive_write_set_format_zip(a);
  else
    archive_write_set_format_pax_restricted(a);
  if (zip_options && archive_write_set_options(a, zip_options) != ARCHIVE_OK)
    throw std::runtime_error(std::string("libarchive option: ") + archive_error_string(a));
  if (passphrase) archive_write_set_passphrase(a, passphrase);
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* client, const void* buf, size_t n) -> la_ssize_t {
        static_cast<std::string*>(client)->append(static_cast<const char*>(buf), n);
        return static_cast<la_ssize_t>(n);
      },
      nullptr);
  for (const Member& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.path.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1700000000, 0);
    archive_write_header(a, e);
    archive_write_data(a, m.data.data(), m.data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

// What a recursive expansion produced.
struct Expansion {
  struct Leaf {
    std::string member;  // origin.member
    std::string name;
    std::string text;    // first 4 KiB of a stream leaf
    uint64_t bytes = 0;  // stream leaves: bytes read
    std::optional<TableView> table;
  };
  std::vector<Leaf> leaves;
  std::vector<std::string> errors;  // "member: message"
  int max_depth_seen = 0;
};

// Mirrors core/scan_engine's contract: sniff, dispatch, recurse depth-first inside emit (which
// always returns Ok), read stream leaves to their end in fixed buffers (memory stays bounded),
// skip binaries unread, report a leaf's read error and a reader's returned error as one error each, enforce max_depth.
inline Status ExpandRecursively(Document& doc, const ContentLimits& limits, ContentBudget& budget, Expansion* out) {
  out->max_depth_seen = std::max(out->max_depth_seen, doc.depth());
  if (doc.table()) {
    out->leaves.push_back({doc.origin().member, doc.name(), "", 0, doc.table()});
    return Status::Ok();
  }
  auto head = doc.Peek(4096);
  if (!head.ok()) return head.status();
  FileType type = SniffFileType(*head, doc.name());
  ContentReader* reader = FindReader(type);
  if (reader) {
    if (doc.depth() >= limits.max_depth) {
      out->errors.push_back(doc.origin().member + ": nesting deeper than " + std::to_string(limits.max_depth));
      return Status::Ok();
    }
    Status s = reader->Expand(
        doc, limits, budget, [&](Document& child) { return ExpandRecursively(child, limits, budget, out); });
    if (!s.ok()) out->errors.push_back(doc.origin().member + ": " + s.message());
    return Status::Ok();
  }
  Expansion::Leaf leaf{doc.origin().member, doc.name(), std::string(*head), 0, std::nullopt};
  if (type == FileType::kUnknownBinary) {  // the engine skips binaries unread
    out->leaves.push_back(leaf);
    return Status::Ok();
  }
  std::vector<char> buf(1 << 16);
  for (;;) {
    auto r = doc.Read(buf.data(), buf.size());
    if (!r.ok()) {
      out->leaves.push_back(leaf);
      out->errors.push_back(doc.origin().member + ": " + r.status().message());
      return Status::Ok();
    }
    if (*r == 0) break;
    leaf.bytes += *r;
  }
  out->leaves.push_back(leaf);
  return Status::Ok();
}

inline Expansion ExpandBytes(const std::string& bytes, const std::string& name, ContentLimits limits = {}) {
  Expansion out;
  ContentBudget budget;
  Document doc(Origin{name, "", "", "", ""}, name, std::make_unique<MemoryStream>(bytes));
  ExpandRecursively(doc, limits, budget, &out);
  return out;
}

}  // namespace cg::testing
