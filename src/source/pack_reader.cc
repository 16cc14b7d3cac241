#include "source/pack_reader.h"

#include <libdeflate.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cg {
namespace {

// Little-endian base-128 size at the start of a delta.
bool ReadDeltaSize(const unsigned char*& p, const unsigned char* end, uint64_t* out) {
  uint64_t v = 0;
  int shift = 0;
  while (p < end && shift < 64) {
    unsigned c = *p++;
    v |= uint64_t(c & 0x7f) << shift;
    shift += 7;
    if (!(c & 0x80)) {
      *out = v;
      return true;
    }
  }
  return false;
}

}  // namespace

Expected<std::string> ApplyGitDelta(const std::string& base, const unsigned char* delta, size_t delta_size) {
  const unsigned char* p = delta;
  const unsigned char* end = delta + delta_size;
  uint64_t src_size, dst_size;
  if (!ReadDeltaSize(p, end, &src_size) || !ReadDeltaSize(p, end, &dst_size)) {
    return Status::Corrupt("truncated delta header");
  }
  if (src_size != base.size()) return Status::Corrupt("delta expects a base of " + std::to_string(src_size) +
                                                      " bytes, base has " + std::to_string(base.size()));
  if (dst_size > (uint64_t(1) << 40)) return Status::Corrupt("delta result too large");
  std::string out;
  out.resize(dst_size);
  char* dst = out.data();
  uint64_t written = 0;
  while (p < end) {
    unsigned c = *p++;
    if (c & 0x80) {  // copy from base: offset and size bytes present per bit
      uint64_t off = 0, size = 0;
      for (int i = 0; i < 4; ++i) {
        if (c & (1u << i)) {
          if (p >= end) return Status::Corrupt("truncated delta copy");
          off |= uint64_t(*p++) << (8 * i);
        }
      }
      for (int i = 0; i < 3; ++i) {
        if (c & (0x10u << i)) {
          if (p >= end) return Status::Corrupt("truncated delta copy");
          size |= uint64_t(*p++) << (8 * i);
        }
      }
      if (size == 0) size = 0x10000;
      if (off + size > base.size() || written + size > dst_size) return Status::Corrupt("delta copy out of range");
      std::memcpy(dst + written, base.data() + off, size);
      written += size;
    } else if (c != 0) {  // insert literal bytes
      if (static_cast<uint64_t>(end - p) < c || written + c > dst_size) return Status::Corrupt("delta insert out of range");
      std::memcpy(dst + written, p, c);
      p += c;
      written += c;
    } else {
      return Status::Corrupt("delta opcode 0");
    }
  }
  if (written != dst_size) return Status::Corrupt("delta produced " + std::to_string(written) + " of " +
                                                  std::to_string(dst_size) + " bytes");
  return out;
}

PackReader::PackReader(std::shared_ptr<const PackIndex> pack, size_t cache_bytes)
    : pack_(std::move(pack)), inflater_(libdeflate_alloc_decompressor()), cache_limit_(cache_bytes) {}

PackReader::~PackReader() { libdeflate_free_decompressor(inflater_); }

Status PackReader::Corrupt(size_t position, const std::string& what) const {
  return Status::Corrupt(pack_->pack_path() + ": object at offset " +
                         std::to_string(pack_->objects()[position].offset) + ": " + what);
}

Expected<std::string> PackReader::InflateEntry(size_t position) {
  const PackedObject& o = pack_->objects()[position];
  if (o.header_len == 0) return Corrupt(position, "unreadable entry header");
  uint64_t begin = o.offset + o.header_len;
  uint64_t end = pack_->EntryEnd(position);
  if (end <= begin) return Corrupt(position, "empty entry");
  size_t n = static_cast<size_t>(end - begin);
  if (compressed_.size() < n) compressed_.resize(n);
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::pread(pack_->fd(), compressed_.data() + got, n - got, static_cast<off_t>(begin + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return Status::IoError(pack_->pack_path() + ": read failed at offset " + std::to_string(begin + got));
    got += static_cast<size_t>(r);
  }
  std::string out;
  out.resize(o.stored_size);
  size_t in_used = 0;
  libdeflate_result rc = libdeflate_zlib_decompress_ex(inflater_, compressed_.data(), n, out.data(), out.size(),
                                                       &in_used, nullptr);
  if (rc != LIBDEFLATE_SUCCESS) return Corrupt(position, "zlib stream does not inflate to " +
                                                         std::to_string(o.stored_size) + " bytes");
  return out;
}

PackReader::Bytes PackReader::CacheFind(size_t position) {
  auto it = cache_.find(position);
  if (it == cache_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void PackReader::CacheAdd(size_t position, Bytes bytes) {
  size_t size = bytes->size();
  if (size > cache_limit_ / 4 || cache_.count(position)) return;  // one huge object must not flush the rest
  lru_.emplace_front(position, std::move(bytes));
  cache_[position] = lru_.begin();
  cache_bytes_ += size;
  while (cache_bytes_ > cache_limit_ && !lru_.empty()) {
    cache_bytes_ -= lru_.back().second->size();
    cache_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

Expected<std::shared_ptr<const std::string>> PackReader::Read(size_t position) {
  const auto& objects = pack_->objects();
  if (position >= objects.size()) return Status::InvalidArgument("no object at position " + std::to_string(position));
  // Walk down the chain to something cached or stored whole, then apply the deltas back up.
  std::vector<size_t> chain;
  Bytes base;
  size_t pos = position;
  for (;;) {
    if ((base = CacheFind(pos))) break;
    const PackedObject& o = objects[pos];
    if (!o.is_delta) {
      auto whole = InflateEntry(pos);
      if (!whole.ok()) return whole.status();
      base = std::make_shared<const std::string>(std::move(*whole));
      CacheAdd(pos, base);
      break;
    }
    if (o.base < 0) return Status::NotFound(pack_->pack_path() + ": delta base of object at offset " +
                                            std::to_string(o.offset) + " is not in this pack");
    chain.push_back(pos);
    if (chain.size() > objects.size()) return Corrupt(position, "delta chain loops");
    pos = static_cast<size_t>(o.base);
  }
  while (!chain.empty()) {
    pos = chain.back();
    chain.pop_back();
    auto delta = InflateEntry(pos);
    if (!delta.ok()) return delta.status();
    auto applied = ApplyGitDelta(*base, reinterpret_cast<const unsigned char*>(delta->data()), delta->size());
    if (!applied.ok()) return Corrupt(pos, applied.status().message());
    base = std::make_shared<const std::string>(std::move(*applied));
    CacheAdd(pos, base);
  }
  return base;
}

}  // namespace cg
