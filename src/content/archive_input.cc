#include "content/archive_input.h"

#include <archive_entry.h>

#include <algorithm>
#include <cstring>

namespace cg {

Expected<std::unique_ptr<ArchiveInput>> ArchiveInput::Open(Document& doc, bool zip_only) {
  std::unique_ptr<ArchiveInput> in(new ArchiveInput(doc));
  in->a_ = archive_read_new();
  if (!in->a_) return Status::IoError("cannot allocate a libarchive reader");
  archive_read_support_format_zip(in->a_);
  if (!zip_only) archive_read_support_format_tar(in->a_);
  if (archive_read_open(in->a_, in.get(), nullptr, &ArchiveInput::ReadCallback, nullptr) != ARCHIVE_OK)
    return in->Error("unreadable archive");
  return in;
}

Expected<std::unique_ptr<ArchiveInput>> ArchiveInput::OpenBuffered(Document& doc, uint64_t max_bytes) {
  std::unique_ptr<ArchiveInput> in(new ArchiveInput(doc));
  auto data = ReadAll(doc, static_cast<size_t>(max_bytes));
  if (!data.ok()) {
    if (data.status().code() == StatusCode::kLimitExceeded)
      return Status::LimitExceeded("archive larger than --max-file-size (" + std::to_string(max_bytes) +
                                   " bytes), the most a reader holds in memory (7z, rar are read from memory): not read");
    return Status(data.status());
  }
  in->memory_ = std::move(*data);
  in->bytes_ = in->memory_.size();
  in->a_ = archive_read_new();
  if (!in->a_) return Status::IoError("cannot allocate a libarchive reader");
  archive_read_support_format_7zip(in->a_);
  archive_read_support_format_rar(in->a_);
  archive_read_support_format_rar5(in->a_);
  if (archive_read_open_memory(in->a_, in->memory_.data(), in->memory_.size()) != ARCHIVE_OK)
    return in->Error("unreadable archive");
  return in;
}

ArchiveInput::~ArchiveInput() {
  if (a_) archive_read_free(a_);
}

la_ssize_t ArchiveInput::ReadCallback(archive* a, void* client, const void** out) {
  auto* self = static_cast<ArchiveInput*>(client);
  auto r = self->doc_.Read(self->buf_.data(), self->buf_.size());
  if (!r.ok()) {
    self->source_error_ = r.status();
    archive_set_error(a, EIO, "%s", r.status().message().c_str());
    return -1;
  }
  self->bytes_ += *r;
  *out = self->buf_.data();
  return static_cast<la_ssize_t>(*r);
}

Status ArchiveInput::Error(const std::string& what) {
  if (!source_error_.ok()) return source_error_;
  const char* e = archive_error_string(a_);
  return Status::Corrupt(what + ": " + (e ? e : "libarchive error"));
}

Status ArchiveInput::Next(ArchiveEntryInfo* info) {
  for (;;) {
    archive_entry* entry = nullptr;
    int r = archive_read_next_header(a_, &entry);
    if (r == ARCHIVE_EOF) return Status::NotFound("end of archive");
    if (r < ARCHIVE_WARN) return Error("truncated or corrupt archive after " + std::to_string(entries_) + " members");
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    ++entries_;
    block_ = nullptr;
    block_left_ = 0;
    next_offset_ = 0;
    hole_bytes_ = 0;
    const char* raw = archive_entry_pathname_utf8(entry);
    if (!raw) raw = archive_entry_pathname(entry);
    info->path = raw && *raw ? raw : "member " + std::to_string(entries_);
    info->encrypted = archive_entry_is_encrypted(entry);
    info->size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    return Status::Ok();
  }
}

Expected<size_t> ArchiveInput::ReadData(char* buf, size_t n) {
  while (block_left_ == 0) {
    const void* data = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    int r = archive_read_data_block(a_, &data, &size, &offset);
    if (r == ARCHIVE_EOF) return size_t{0};
    if (r < ARCHIVE_WARN) return Error("corrupt member");
    if (offset > next_offset_) hole_bytes_ += static_cast<uint64_t>(offset - next_offset_);
    next_offset_ = offset + static_cast<la_int64_t>(size);
    block_ = static_cast<const char*>(data);
    block_left_ = size;
  }
  const size_t take = std::min(n, block_left_);
  std::memcpy(buf, block_, take);
  block_ += take;
  block_left_ -= take;
  return take;
}

Status NextArchivePart(ArchiveInput& in, uint64_t max_parts, const std::string& kind, ArchiveEntryInfo* info) {
  Status s = in.Next(info);
  if (s.ok() && in.entries() > max_parts)
    return Status::LimitExceeded(kind + " has more than " + std::to_string(max_parts) + " parts");
  return s;
}

Status ParseArchivePart(ArchiveInput& in, XmlStreamParser& parser, InflationGuard& guard, const std::string& path) {
  std::vector<char> buf(1 << 16);
  for (;;) {
    uint64_t before = in.source_bytes();
    auto r = in.ReadData(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    Status s = guard.Account(in.source_bytes() - before, *r);
    if (!s.ok()) return s;
    s = parser.Feed(std::string_view(buf.data(), *r), *r == 0, path);
    if (!s.ok() || *r == 0) return s;
  }
}

}  // namespace cg
