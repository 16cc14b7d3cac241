// ByteStream: a forward-only source of bytes, the one way content flows between layers.
//
// Streams let a 1 GB csv or a gzip member be analysed without holding it whole. Not
// thread-safe; each stream is used by one worker at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace cg {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `buf`. Returns the count read; 0 means end of stream.
  virtual Expected<size_t> Read(char* buf, size_t n) = 0;
  // Total size when known in advance (files, blobs), else -1. A hint only.
  virtual int64_t SizeHint() const { return -1; }
};

// Borrows bytes that outlive the stream.
class ViewStream : public ByteStream {
 public:
  explicit ViewStream(std::string_view data) : data_(data) {}
  Expected<size_t> Read(char* buf, size_t n) override;
  int64_t SizeHint() const override { return static_cast<int64_t>(data_.size()); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Owns its bytes.
class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string data) : data_(std::move(data)), view_(data_) {}
  MemoryStream(const MemoryStream&) = delete;
  MemoryStream& operator=(const MemoryStream&) = delete;
  Expected<size_t> Read(char* buf, size_t n) override { return view_.Read(buf, n); }
  int64_t SizeHint() const override { return view_.SizeHint(); }

 private:
  std::string data_;
  ViewStream view_;  // over data_
};

// Reads a file; errors name the path.
class FileStream : public ByteStream {
 public:
  static Expected<std::unique_ptr<FileStream>> Open(const std::string& path);
  ~FileStream() override;
  Expected<size_t> Read(char* buf, size_t n) override;
  int64_t SizeHint() const override { return size_; }

 private:
  FileStream(int fd, std::string path, int64_t size) : fd_(fd), path_(std::move(path)), size_(size) {}
  int fd_;
  std::string path_;
  int64_t size_;
};

// Reads everything left in `s`, up to `limit` bytes. Returns LimitExceeded past the limit.
Expected<std::string> ReadAll(ByteStream& s, size_t limit);

}  // namespace cg
