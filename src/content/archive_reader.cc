#include "content/archive_reader.h"

#include <cctype>
#include <memory>
#include <vector>

#include "content/archive_input.h"
#include "content/inflation_guard.h"

namespace cg {
namespace {

constexpr size_t kMaxNotes = 20;  // problems listed in the returned message; the rest counted

// One member's data, read as the consumer asks for it.
class MemberStream : public ByteStream {
 public:
  MemberStream(ArchiveInput& in, InflationGuard& guard, int64_t size) : in_(in), guard_(guard), size_(size) {}
  Expected<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    uint64_t before = in_.source_bytes();
    auto r = in_.ReadData(buf, n);
    Status s = r.ok() ? guard_.Account(in_.source_bytes() - before, *r) : r.status();
    if (!s.ok()) {
      status_ = s;
      return s;
    }
    return *r;
  }
  int64_t SizeHint() const override { return size_; }
  const Status& status() const { return status_; }

 private:
  ArchiveInput& in_;
  InflationGuard& guard_;
  int64_t size_;
  Status status_;
};

// Reads the rest of a member, charging the guard. Corrupt data the consumer never read is
// reported here; a limit is reported here unless the consumer already met it.
Status Drain(MemberStream& ms) {
  if (!ms.status().ok()) return Status::Ok();  // the consumer saw (and reported) it
  std::vector<char> scratch(64 * 1024);
  for (;;) {
    auto r = ms.Read(scratch.data(), scratch.size());
    if (!r.ok()) return r.status();
    if (*r == 0) return Status::Ok();
  }
}

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
  auto head = doc.Peek(8);
  if (!head.ok()) return head.status();
  const FileType type = SniffFileType(*head, doc.name());
  auto opened = type == FileType::k7z || type == FileType::kRar ? ArchiveInput::OpenBuffered(doc, limits.max_held_bytes)
                                                                : ArchiveInput::Open(doc, /*zip_only=*/false);
  if (!opened.ok()) return opened.status();
  ArchiveInput& in = **opened;
  InflationGuard guard(limits, budget, "archive");
  // What opening consumed (all of a buffered 7z or rar) counts as input for the ratio check.
  if (Status s = guard.Account(in.source_bytes(), 0); !s.ok()) return s;
  Notes notes;
  uint64_t members = 0;
  for (;;) {
    ArchiveEntryInfo info;
    Status next = in.Next(&info);
    if (next.code() == StatusCode::kNotFound) break;
    if (!next.ok()) {
      notes.Add(next);
      break;
    }
    if (++members > limits.max_members) {
      notes.Add(Status::LimitExceeded("archive has more than " + std::to_string(limits.max_members) +
                                      " members; the rest were not read"));
      break;
    }
    const std::string& path = info.path;
    if (IsTraversalPath(path))
      notes.Add(Status::Corrupt("member '" + path + "' has a path-traversal name (would be written outside "
                                "the folder if extracted)"));
    if (info.encrypted) {
      notes.Add(Status::Unsupported("member '" + path + "' is encrypted: not read"));
      continue;
    }
    auto stream = std::make_unique<MemberStream>(in, guard, info.size);
    MemberStream* ms = stream.get();
    Document child(ChildOrigin(doc.origin(), path), path, std::move(stream), doc.depth() + 1);
    Status s = emit(child);
    notes.Add(s);
    // Whatever the consumer left unread (a skipped binary) is drained here rather than skipped
    // by libarchive: skipping a streamed deflate member inflates it anyway, and only reading it
    // through the guard lets the ratio check see a bomb of members nobody reads.
    if (!budget.limit_hit && !in.source_failed()) {
      Status d = Drain(*ms);
      if (!d.ok())
        notes.Add(d.code() == StatusCode::kLimitExceeded ? Status::LimitExceeded(d.message() + " (member '" + path + "')")
                                                          : Status::Corrupt("member '" + path + "': " + d.message()));
    }
    // The member's own read errors were the consumer's to report. Size and bomb limits (here or
    // in a container nested in this member) end the walk, and so does a failed parent stream.
    if (budget.limit_hit || in.source_failed() || s.code() == StatusCode::kLimitExceeded) break;
  }
  return notes.Result();
}

}  // namespace cg
