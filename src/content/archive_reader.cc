#include "content/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <cctype>
#include <memory>
#include <vector>

#include "content/inflation_guard.h"

namespace cg {
namespace {

constexpr size_t kReadChunk = 64 * 1024;
constexpr size_t kMaxNotes = 20;  // problems listed in the returned message; the rest counted

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

// What libarchive's read callback needs: the parent stream and a buffer it may point into.
struct Source {
  Document* doc;
  std::vector<char> buf;
  Status error;
  uint64_t bytes = 0;
};

la_ssize_t ReadCallback(archive* a, void* client, const void** out) {
  auto* src = static_cast<Source*>(client);
  auto r = src->doc->Read(src->buf.data(), src->buf.size());
  if (!r.ok()) {
    src->error = r.status();
    archive_set_error(a, EIO, "%s", r.status().message().c_str());
    return -1;
  }
  src->bytes += *r;
  *out = src->buf.data();
  return static_cast<la_ssize_t>(*r);
}

std::string LibError(archive* a, const char* fallback) {
  const char* e = archive_error_string(a);
  return e ? e : fallback;
}

// One member's data, read as the consumer asks for it.
class MemberStream : public ByteStream {
 public:
  MemberStream(archive* a, Source& src, InflationGuard& guard, int64_t size)
      : a_(a), src_(src), guard_(guard), size_(size) {}
  Expected<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    uint64_t before = src_.bytes;
    la_ssize_t r = archive_read_data(a_, buf, n);
    if (r < 0) {
      status_ = src_.error.ok() ? Status::Corrupt("corrupt member: " + LibError(a_, "read failed")) : src_.error;
      return status_;
    }
    Status s = guard_.Account(src_.bytes - before, static_cast<uint64_t>(r));
    if (!s.ok()) {
      status_ = s;
      return s;
    }
    return static_cast<size_t>(r);
  }
  int64_t SizeHint() const override { return size_; }
  const Status& status() const { return status_; }

 private:
  archive* a_;
  Source& src_;
  InflationGuard& guard_;
  int64_t size_;
  Status status_;
};

// Collects the problems that did not stop the walk.
class Notes {
 public:
  void Add(const Status& s) {
    if (s.ok()) return;
    if (first_.ok()) first_ = s;
    if (texts_.size() < kMaxNotes) texts_.push_back(s.message());
    ++count_;
  }
  Status Result() const {
    if (first_.ok()) return first_;
    std::string msg;
    for (const auto& t : texts_) msg += (msg.empty() ? "" : "; ") + t;
    if (count_ > texts_.size()) msg += "; and " + std::to_string(count_ - texts_.size()) + " more";
    return first_.code() == StatusCode::kLimitExceeded ? Status::LimitExceeded(msg) : Status::Corrupt(msg);
  }

 private:
  Status first_;
  std::vector<std::string> texts_;
  size_t count_ = 0;
};

}  // namespace

bool IsTraversalPath(std::string_view p) {
  if (p.empty()) return false;
  if (p[0] == '/' || p[0] == '\\') return true;
  if (p.size() >= 2 && p[1] == ':' && std::isalpha(static_cast<unsigned char>(p[0]))) return true;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = p.size();
    if (p.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

Status ArchiveReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                             const EmitFn& emit) {
  ArchivePtr a(archive_read_new());
  if (!a) return Status::IoError("cannot allocate a libarchive reader");
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  Source src{&doc, std::vector<char>(kReadChunk), Status::Ok()};
  if (archive_read_open(a.get(), &src, nullptr, ReadCallback, nullptr) != ARCHIVE_OK)
    return src.error.ok() ? Status::Corrupt("unreadable archive: " + LibError(a.get(), "open failed")) : src.error;

  InflationGuard guard(limits, budget, "archive");
  Notes notes;
  uint64_t members = 0;
  for (;;) {
    archive_entry* entry = nullptr;
    int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_FATAL || (r < ARCHIVE_WARN)) {
      notes.Add(src.error.ok() ? Status::Corrupt("truncated or corrupt archive after " + std::to_string(members) +
                                                 " members: " + LibError(a.get(), "bad header"))
                               : src.error);
      break;
    }
    if (AE_IFREG != archive_entry_filetype(entry)) continue;
    if (++members > limits.max_members) {
      notes.Add(Status::LimitExceeded("archive has more than " + std::to_string(limits.max_members) +
                                      " members; the rest were not read"));
      break;
    }
    const char* raw = archive_entry_pathname_utf8(entry);
    if (!raw) raw = archive_entry_pathname(entry);
    std::string path = raw && *raw ? raw : "member " + std::to_string(members);
    if (IsTraversalPath(path))
      notes.Add(Status::Corrupt("member '" + path + "' has a path-traversal name (would be written outside "
                                "the folder if extracted)"));
    if (archive_entry_is_encrypted(entry)) {
      notes.Add(Status::Unsupported("member '" + path + "' is encrypted: not read"));
      continue;
    }
    int64_t size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    auto stream = std::make_unique<MemberStream>(a.get(), src, guard, size);
    MemberStream* ms = stream.get();
    Document child(ChildOrigin(doc.origin(), path), path, std::move(stream), doc.depth() + 1);
    Status s = emit(child);
    if (!ms->status().ok()) {
      const Status& m = ms->status();
      notes.Add(m.code() == StatusCode::kLimitExceeded ? m : Status::Corrupt("member '" + path + "': " + m.message()));
      // Size and bomb limits hold for the whole archive; a failed parent stream ends it too.
      if (m.code() == StatusCode::kLimitExceeded || !src.error.ok()) break;
    } else if (!s.ok()) {
      notes.Add(s);  // what went wrong further down inside this member
      // A limit hit further down (a bomb in a nested archive) holds for the whole item.
      if (s.code() == StatusCode::kLimitExceeded) break;
    }
  }
  return notes.Result();
}

}  // namespace cg
