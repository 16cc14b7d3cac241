// Decompression as a content reader: gzip (and BGZF, its multi-member genomics variant), zstd,
// xz and bzip2 each turn one document into ONE child whose stream inflates on the fly, so a
// 10 GB .csv.gz is sniffed and its rows counted without ever being held decompressed.
//
// The child keeps the parent's origin (no `member`: the outer path already says which file it
// is) and is named after the parent minus its compression suffix (`x.csv.gz` -> `x.csv`,
// `x.tgz` -> `x.tar`), so type sniffing of the child sees the inner name.
// Output counts into ContentBudget::decompressed_bytes (see InflationGuard).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "content/content_reader.h"
#include "content/decoder.h"
#include "content/inflation_guard.h"

namespace cg {

// A stream that decompresses `source` (borrowed: it must outlive the stream) as it is read.
// Errors are sticky: after a Corrupt or LimitExceeded every Read returns it again.
// Memory: one 64 KiB input buffer plus the codec's state, whatever the output size.
class DecompressStream : public ByteStream {
 public:
  DecompressStream(Codec codec, ByteStream& source, const ContentLimits& limits, ContentBudget& budget);
  Expected<size_t> Read(char* buf, size_t n) override;
  const Status& status() const { return status_; }

 private:
  Expected<size_t> ReadSome(char* buf, size_t n);

  Codec codec_;
  ByteStream& source_;
  InflationGuard guard_;
  std::unique_ptr<Decoder> decoder_;
  std::string in_;
  size_t in_pos_ = 0;
  size_t in_len_ = 0;
  bool source_eof_ = false;
  bool done_ = false;
  Status status_;
};

// `name` without its compression suffix; unchanged when it has none.
std::string StripCompressionSuffix(std::string_view name);

class DecompressReader : public ContentReader {
 public:
  DecompressReader(FileType type, Codec codec, const char* name, const char* summary)
      : type_(type), codec_(codec), name_(name), summary_(summary) {}
  const char* name() const override { return name_; }
  const char* summary() const override { return summary_; }
  bool Accepts(FileType type) const override { return type == type_; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;

 private:
  FileType type_;
  Codec codec_;
  const char* name_;
  const char* summary_;
};

}  // namespace cg
