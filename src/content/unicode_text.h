// UTF-16 and UTF-32 text ("Unicode text" from Excel, PowerShell and Windows tools): recognised by
// its byte order mark or, without one, by where the zero bytes of ASCII-range characters fall,
// and transcoded to UTF-8 as it is read (iconv), so every text reader and detector downstream
// sees ordinary UTF-8. The child document keeps the parent's origin and name: it is the same
// file, only re-encoded, and is sniffed again (csv, json, html, ...).
#pragma once

#include <iconv.h>

#include <optional>
#include <string>
#include <string_view>

#include "content/content_reader.h"

namespace cg {

struct WideEncoding {
  const char* iconv_name;  // "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"
  size_t unit;             // bytes per code unit: 2 or 4
  size_t bom;              // bytes of byte order mark to skip (0 without one)
};

// The encoding of `head` when it is UTF-16 or UTF-32 text, else nullopt. Pure; thread-safe.
std::optional<WideEncoding> SniffWideEncoding(std::string_view head);

// Reads `source` (borrowed) as `encoding` and yields UTF-8. An invalid or truncated code unit
// becomes U+FFFD and is counted (invalid_units()); the byte order mark is dropped.
// Memory: one 64 KiB input buffer, whatever the size of the text.
class TranscodeStream : public ByteStream {
 public:
  TranscodeStream(ByteStream& source, WideEncoding encoding);
  ~TranscodeStream() override;
  TranscodeStream(const TranscodeStream&) = delete;
  TranscodeStream& operator=(const TranscodeStream&) = delete;
  Expected<size_t> Read(char* buf, size_t n) override;
  uint64_t invalid_units() const { return invalid_; }

 private:
  Status Fill();
  void Convert();

  ByteStream& source_;
  WideEncoding encoding_;
  iconv_t cd_;
  std::string in_;
  size_t in_pos_ = 0;
  size_t in_len_ = 0;
  std::string out_;
  size_t out_pos_ = 0;
  size_t bom_left_;
  bool eof_ = false;
  uint64_t invalid_ = 0;
};

class UnicodeTextReader : public ContentReader {
 public:
  const char* name() const override { return "utf16"; }
  const char* summary() const override {
    return "UTF-16/UTF-32 text (byte order mark or zero-byte pattern), transcoded to UTF-8 as read (iconv)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kWideText; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
