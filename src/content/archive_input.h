// ArchiveInput: libarchive reading a zip or tar from a Document stream through
// archive_read_open callbacks (no seek, no disk), or a 7z or rar from memory, one regular-file
// entry at a time. Only libarchive's own decoders are enabled: no filter that runs a program.
// Shared by ArchiveReader (every member) and the spreadsheet readers (xlsx/ods parts).
// Not thread-safe; the Document must outlive it.
#pragma once

#include <archive.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "content/inflation_guard.h"
#include "content/xml_stream_parser.h"
#include "core/document.h"
#include "core/status.h"

namespace cg {

struct ArchiveEntryInfo {
  std::string path;
  bool encrypted = false;
  int64_t size = -1;  // -1 when the header does not say
};

class ArchiveInput {
 public:
  // Opens zip and tar, or zip only (spreadsheets).
  static Expected<std::unique_ptr<ArchiveInput>> Open(Document& doc, bool zip_only);
  // Opens 7-Zip and RAR, whose readers seek (a 7z header is at the end): the document is read
  // into memory first, at most `max_bytes` (LimitExceeded past that).
  static Expected<std::unique_ptr<ArchiveInput>> OpenBuffered(Document& doc, uint64_t max_bytes);
  ~ArchiveInput();

  // The next regular file (directories, links and devices are skipped). NotFound at the end;
  // Corrupt (or the parent stream's own error) when a header cannot be read.
  Status Next(ArchiveEntryInfo* info);
  // Data of the current entry; 0 at its end. The holes of a sparse member (a tar of a 10 GB
  // sparse file) are skipped, not filled with zeros: the data around them is read, the zeros
  // are not (they hold nothing to find, and reading them could take longer than any budget).
  Expected<size_t> ReadData(char* buf, size_t n);
  // Bytes of holes skipped in the current entry.
  uint64_t hole_bytes() const { return hole_bytes_; }
  // Regular files returned by Next so far.
  uint64_t entries() const { return entries_; }
  // Compressed bytes read from the parent so far (for ratio checks).
  uint64_t source_bytes() const { return bytes_; }
  // The parent stream failed (not libarchive): nothing more can be read.
  bool source_failed() const { return !source_error_.ok(); }

 private:
  explicit ArchiveInput(Document& doc) : doc_(doc), buf_(64 * 1024) {}
  static la_ssize_t ReadCallback(archive* a, void* client, const void** out);
  Status Error(const std::string& what);

  Document& doc_;
  archive* a_ = nullptr;
  std::vector<char> buf_;
  Status source_error_;
  uint64_t bytes_ = 0;
  uint64_t entries_ = 0;
  std::string memory_;  // the whole document, for OpenBuffered
  // The current entry's data block (archive_read_data_block), and where the next one should be.
  const char* block_ = nullptr;
  size_t block_left_ = 0;
  int64_t next_offset_ = 0;
  uint64_t hole_bytes_ = 0;
};

// The next part of a spreadsheet package (`kind`: "xlsx", "ods"): as ArchiveInput::Next, and
// LimitExceeded once the package has more than `max_parts` parts.
Status NextArchivePart(ArchiveInput& in, uint64_t max_parts, const std::string& kind, ArchiveEntryInfo* info);

// Streams the current entry of `in` through `parser` (an XML part of a spreadsheet), charging
// `guard` with what it inflates. `path` names the part in errors.
Status ParseArchivePart(ArchiveInput& in, XmlStreamParser& parser, InflationGuard& guard, const std::string& path);

}  // namespace cg
