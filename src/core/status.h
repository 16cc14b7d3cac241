// Status and Expected<T>: recoverable errors as values (leveldb style).
//
// No exception crosses a module boundary. Code that calls a throwing library (yaml-cpp,
// Boost.Program_options) catches at the call site and returns a Status naming what failed.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace cg {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // usage or configuration error (exit 2)
  kNotFound,
  kIoError,          // the scan could not read something (exit 3)
  kCorrupt,          // malformed input (bad archive, bad object)
  kLimitExceeded,    // a safety limit (depth, size, ratio) was hit
  kUnsupported,
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(StatusCode::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }
  static Status Corrupt(std::string m) { return Status(StatusCode::kCorrupt, std::move(m)); }
  static Status LimitExceeded(std::string m) { return Status(StatusCode::kLimitExceeded, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(StatusCode::kUnsupported, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode c, std::string m) : code_(c), message_(std::move(m)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Expected {
 public:
  Expected(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Expected(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace cg
