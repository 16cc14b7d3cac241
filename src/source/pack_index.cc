#include "source/pack_index.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>

namespace cg {
namespace {

uint32_t Be32(const unsigned char* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}
uint64_t Be64(const unsigned char* p) { return (uint64_t(Be32(p)) << 32) | Be32(p + 4); }

Expected<std::pair<const unsigned char*, size_t>> MapFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size == 0) {
    ::close(fd);
    return Status::Corrupt(path + ": empty or unreadable");
  }
  void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return Status::IoError(path + ": cannot map: " + std::strerror(errno));
  return std::make_pair(static_cast<const unsigned char*>(p), static_cast<size_t>(st.st_size));
}

// Reads a file front to back through a fixed buffer; At() serves small ranges at ascending
// offsets with one pread() per buffer refill.
class SequentialWindow {
 public:
  SequentialWindow(int fd, uint64_t file_size) : fd_(fd), file_size_(file_size), buf_(1 << 20) {}
  // Pointer to `off`, with at least min(want, file_size - off) bytes readable; null on I/O error.
  const unsigned char* At(uint64_t off, size_t want, size_t* avail) {
    if (off < start_ || off + want > start_ + len_) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(buf_.size(), file_size_ - off));
      ssize_t got = ::pread(fd_, buf_.data(), n, static_cast<off_t>(off));
      if (got < 0) return nullptr;
      start_ = off;
      len_ = static_cast<size_t>(got);
    }
    *avail = static_cast<size_t>(start_ + len_ - off);
    return buf_.data() + (off - start_);
  }

 private:
  int fd_;
  uint64_t file_size_;
  std::vector<unsigned char> buf_;
  uint64_t start_ = 0;
  size_t len_ = 0;
};

}  // namespace

PackIndex::~PackIndex() {
  if (fd_ >= 0) ::close(fd_);
}

Expected<std::unique_ptr<PackIndex>> PackIndex::Open(const std::string& idx_path) {
  std::unique_ptr<PackIndex> p(new PackIndex());
  if (idx_path.size() < 4 || idx_path.compare(idx_path.size() - 4, 4, ".idx") != 0) {
    return Status::InvalidArgument(idx_path + ": not a .idx file");
  }
  p->pack_path_ = idx_path.substr(0, idx_path.size() - 4) + ".pack";
  auto idx = MapFile(idx_path);
  if (!idx.ok()) return idx.status();
  Status s = p->ParseIndex(idx_path, idx->first, idx->second);
  ::munmap(const_cast<unsigned char*>(idx->first), idx->second);  // everything needed is copied
  if (!s.ok()) return s;

  p->fd_ = ::open(p->pack_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (p->fd_ < 0) return Status::IoError(p->pack_path_ + ": cannot open: " + std::strerror(errno));
  struct stat st;
  unsigned char head[12];
  if (::fstat(p->fd_, &st) != 0 || st.st_size < 32 || ::pread(p->fd_, head, 12, 0) != 12 ||
      std::memcmp(head, "PACK", 4) != 0) {
    return Status::Corrupt(p->pack_path_ + ": not a pack file");
  }
  p->pack_size_ = static_cast<uint64_t>(st.st_size);
  s = p->ResolveTypes();
  if (!s.ok()) return s;
  return p;
}

Status PackIndex::ParseIndex(const std::string& idx_path, const unsigned char* idx, size_t idx_size) {
  const unsigned char* fanout;
  bool v2 = idx_size >= 8 && std::memcmp(idx, "\377tOc", 4) == 0;
  if (v2) {
    if (Be32(idx + 4) != 2) return Status::Unsupported(idx_path + ": pack index version " + std::to_string(Be32(idx + 4)));
    fanout = idx + 8;
  } else {
    fanout = idx;
  }
  if (static_cast<size_t>(fanout - idx) + 256 * 4 > idx_size) return Status::Corrupt(idx_path + ": truncated");
  uint64_t n = Be32(fanout + 255 * 4);
  const unsigned char* ids = fanout + 256 * 4;
  uint64_t need = v2 ? (ids - idx) + n * (20 + 4 + 4) : (ids - idx) + n * 24;
  if (need > idx_size) return Status::Corrupt(idx_path + ": truncated (" + std::to_string(n) + " objects)");
  const unsigned char* offs32 = ids + n * 24;  // v2: after ids (20n) and crcs (4n)
  const unsigned char* offs64 = offs32 + n * 4;
  objects_.resize(n);
  for (uint64_t i = 0; i < n; ++i) {
    PackedObject& o = objects_[i];
    if (v2) {
      std::memcpy(o.id.id, ids + i * 20, 20);
      uint32_t off = Be32(offs32 + i * 4);
      if (off & 0x80000000u) {
        uint64_t k = off & 0x7fffffffu;
        if (static_cast<size_t>(offs64 - idx) + (k + 1) * 8 > idx_size) return Status::Corrupt(idx_path + ": bad large offset");
        o.offset = Be64(offs64 + k * 8);
      } else {
        o.offset = off;
      }
    } else {
      o.offset = Be32(ids + i * 24);
      std::memcpy(o.id.id, ids + i * 24 + 4, 20);
    }
  }
  // objects_ is in id order now; remember that order for REF_DELTA lookups, then sort by offset.
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return objects_[a].offset < objects_[b].offset; });
  std::vector<PackedObject> sorted(n);
  by_id_.resize(n);
  for (uint32_t pos = 0; pos < n; ++pos) {
    sorted[pos] = objects_[order[pos]];
    by_id_[order[pos]] = pos;
  }
  objects_ = std::move(sorted);
  return Status::Ok();
}

int64_t PackIndex::Position(const unsigned char* raw_id) const {
  size_t lo = 0, hi = by_id_.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = std::memcmp(objects_[by_id_[mid]].id.id, raw_id, GIT_OID_RAWSZ);
    if (c == 0) return by_id_[mid];
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return -1;
}

Status PackIndex::ResolveTypes() {
  const size_t n = objects_.size();
  const uint64_t end = pack_size_ - 20;  // trailing checksum
  auto position_of_offset = [&](uint64_t off) -> int64_t {
    auto it = std::lower_bound(objects_.begin(), objects_.end(), off,
                               [](const PackedObject& o, uint64_t v) { return o.offset < v; });
    if (it == objects_.end() || it->offset != off) return -1;
    return it - objects_.begin();
  };
  SequentialWindow window(fd_, end);
  for (size_t i = 0; i < n; ++i) {
    PackedObject& o = objects_[i];
    if (o.offset < 12 || o.offset >= end) continue;
    size_t avail = 0;
    const unsigned char* start = window.At(o.offset, 64, &avail);
    if (start == nullptr) return Status::IoError(pack_path_ + ": read failed: " + std::strerror(errno));
    const unsigned char* p = start;
    const unsigned char* limit = start + avail;
    unsigned c = *p++;
    int type = (c >> 4) & 7;
    uint64_t size = c & 15;
    int shift = 4;
    while ((c & 0x80) && p < limit && shift < 64) {
      c = *p++;
      size |= uint64_t(c & 0x7f) << shift;
      shift += 7;
    }
    if (c & 0x80) continue;  // header runs off the pack
    o.stored_size = size;
    if (type >= 1 && type <= 4) {
      o.type = static_cast<git_object_t>(type);
      o.size = static_cast<int64_t>(size);
    } else if (type == 6) {  // OFS_DELTA: negative offset, big-endian base-128 with +1 per byte
      if (p >= limit) continue;
      c = *p++;
      uint64_t back = c & 0x7f;
      while ((c & 0x80) && p < limit && back < (uint64_t(1) << 56)) {
        c = *p++;
        back = ((back + 1) << 7) | (c & 0x7f);
      }
      if ((c & 0x80) || back == 0 || back > o.offset) continue;
      o.is_delta = true;
      o.base = position_of_offset(o.offset - back);
    } else if (type == 7) {  // REF_DELTA: base named by id
      if (p + 20 > limit) continue;
      o.is_delta = true;
      o.base = Position(p);
      p += 20;
    } else {
      continue;
    }
    o.header_len = static_cast<uint8_t>(p - start);
  }
  // Follow delta chains; the depth bound guards against cycles in a corrupt pack.
  for (size_t i = 0; i < n; ++i) {
    if (objects_[i].type != GIT_OBJECT_INVALID || objects_[i].base < 0) continue;
    int64_t j = objects_[i].base;
    size_t depth = 0;
    while (j >= 0 && objects_[j].type == GIT_OBJECT_INVALID && depth++ < n) j = objects_[j].base;
    if (j < 0 || objects_[j].type == GIT_OBJECT_INVALID) continue;
    git_object_t t = objects_[j].type;
    depth = 0;
    for (int64_t k = static_cast<int64_t>(i); k >= 0 && objects_[k].type == GIT_OBJECT_INVALID && depth++ < n;
         k = objects_[k].base) {
      objects_[k].type = t;
    }
  }
  return Status::Ok();
}

std::vector<std::string> FindPackIndexes(const std::string& objects_dir) {
  std::vector<std::string> out;
  std::set<std::string> visited;
  std::vector<std::pair<std::string, int>> todo{{objects_dir, 0}};
  while (!todo.empty()) {
    auto [dir, depth] = todo.back();
    todo.pop_back();
    char resolved[PATH_MAX];
    std::string key = ::realpath(dir.c_str(), resolved) ? std::string(resolved) : dir;
    if (!visited.insert(key).second || depth > 5) continue;
    std::vector<std::string> names;
    if (DIR* d = ::opendir((dir + "/pack").c_str())) {
      while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".idx") == 0) names.push_back(name);
      }
      ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (auto& name : names) out.push_back(dir + "/pack/" + name);
    std::ifstream alternates(dir + "/info/alternates");
    std::string line;
    std::vector<std::pair<std::string, int>> next;
    while (std::getline(alternates, line)) {
      if (line.empty() || line[0] == '#') continue;
      next.push_back({line[0] == '/' ? line : dir + "/" + line, depth + 1});
    }
    todo.insert(todo.end(), next.rbegin(), next.rend());
  }
  return out;
}

}  // namespace cg
