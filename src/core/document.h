// Document: a stream of bytes with its origin, as the content layer hands it on.
//
// A document either carries a stream (text or bytes still to be sniffed) or, when a structured
// reader (xlsx, Stata, VCF, ...) already parsed it, a TableView. Peek() buffers the head so that
// sniffers can look at the first bytes without consuming them; Read() yields the head first.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/byte_stream.h"
#include "core/finding.h"
#include "core/table_view.h"

namespace cg {

class Document : public ByteStream {
 public:
  // `name` is the innermost file name (archive member or path), used for type sniffing.
  Document(Origin origin, std::string name, std::unique_ptr<ByteStream> stream, int depth = 0)
      : origin_(std::move(origin)), name_(std::move(name)), stream_(std::move(stream)), depth_(depth) {}
  // A document that is already a table (no stream).
  Document(Origin origin, std::string name, TableView table, int depth)
      : origin_(std::move(origin)), name_(std::move(name)), table_(std::move(table)), depth_(depth) {}

  const Origin& origin() const { return origin_; }
  const std::string& name() const { return name_; }
  int depth() const { return depth_; }
  const std::optional<TableView>& table() const { return table_; }
  bool has_stream() const { return stream_ != nullptr; }

  // Up to `n` bytes from the start, without consuming them. Fewer at end of stream.
  // REQUIRES: nothing has been Read() past the buffered head yet.
  Expected<std::string_view> Peek(size_t n);
  Expected<size_t> Read(char* buf, size_t n) override;
  int64_t SizeHint() const override { return stream_ ? stream_->SizeHint() : -1; }
  // Total bytes handed out by Read() so far.
  uint64_t consumed() const { return consumed_; }

 private:
  Origin origin_;
  std::string name_;
  std::unique_ptr<ByteStream> stream_;
  std::optional<TableView> table_;
  int depth_ = 0;
  std::string head_;
  size_t head_pos_ = 0;
  bool eof_ = false;
  uint64_t consumed_ = 0;
};

// Origin of something inside `parent`: same outer path, member appended with "!".
Origin ChildOrigin(const Origin& parent, const std::string& member);

}  // namespace cg
