// NulStrippingStream: the bytes of a borrowed stream minus its NUL bytes. Text with stray NULs
// (a NUL typed into a csv, padding left by a tool) is read as the text it holds, so a NUL can
// neither split a column name nor a secret. Counts what it dropped.
#pragma once

#include <algorithm>
#include <cstring>

#include "core/byte_stream.h"

namespace cg {

class NulStrippingStream : public ByteStream {
 public:
  explicit NulStrippingStream(ByteStream& source) : source_(source) {}
  Expected<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      auto r = source_.Read(buf, n);
      if (!r.ok() || *r == 0) return r;
      char* end = std::remove(buf, buf + *r, '\0');
      const size_t kept = static_cast<size_t>(end - buf);
      stripped_ += *r - kept;
      if (kept > 0) return kept;  // a read of NULs only: read on, 0 would mean the end
    }
  }
  int64_t SizeHint() const override { return source_.SizeHint(); }
  uint64_t stripped() const { return stripped_; }

 private:
  ByteStream& source_;
  uint64_t stripped_ = 0;
};

}  // namespace cg
