#include "content/archive_input.h"

#include <archive_entry.h>

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
    const char* raw = archive_entry_pathname_utf8(entry);
    if (!raw) raw = archive_entry_pathname(entry);
    info->path = raw && *raw ? raw : "member " + std::to_string(entries_);
    info->encrypted = archive_entry_is_encrypted(entry);
    info->size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    return Status::Ok();
  }
}

Expected<size_t> ArchiveInput::ReadData(char* buf, size_t n) {
  la_ssize_t r = archive_read_data(a_, buf, n);
  if (r < 0) return Error("corrupt member");
  return static_cast<size_t>(r);
}

}  // namespace cg
