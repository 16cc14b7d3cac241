// Archives (zip, tar, 7z, rar) as a content reader, through libarchive, entirely in memory.
//
// libarchive reads the parent Document through archive_read_open callbacks (no seeking, so zip
// is read in streaming mode, from its local headers; 7z and rar, whose readers seek, are buffered
// under max_held_bytes first) and every regular member becomes one child
// Document whose stream is archive_read_data: nothing is extracted, nothing touches the disk.
// The child's `member` is the member path (nested with "!" by ChildOrigin) and its name is the
// member's path, so sniffing sees `pheno/ukb_subset.csv.gz`.
//
// Problems that lose nothing (a member path that would escape the extraction folder, such as
// `../../etc/passwd` or `/etc/passwd`) and problems that lose one member (encrypted data, a
// corrupt member) do not stop the walk; Expand returns them, joined, after the last member.
// The member count limit and the bomb/size limits (InflationGuard, one per archive) stop it.
#pragma once

#include <string>
#include <string_view>

#include "content/content_reader.h"

namespace cg {

class ArchiveReader : public ContentReader {
 public:
  const char* name() const override { return "archive"; }
  const char* summary() const override {
    return "zip, tar, 7z and rar archives (libarchive): every member, in memory, with member and ratio limits";
  }
  bool Accepts(FileType type) const override {
    return type == FileType::kZip || type == FileType::kTar || type == FileType::k7z || type == FileType::kRar;
  }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

// True when extracting `path` as given would write outside the current folder: absolute paths,
// Windows drive letters, and any ".." component (with / or \ separators).
bool IsTraversalPath(std::string_view path);

}  // namespace cg
