// Decoder: one step of a streaming decompressor (zlib, libzstd, liblzma, libbz2) behind one
// interface, so DecompressStream holds the buffering and limits once for all codecs.
//
// Every decoder accepts concatenated streams (multi-member gzip such as BGZF, pbzip2 output,
// multi-frame zstd, concatenated xz) and ignores trailing zero padding or garbage after a clean
// end, as the command-line tools do. Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>

#include "core/status.h"

namespace cg {

enum class Codec { kGzip, kZstd, kXz, kBzip2 };

const char* CodecName(Codec c);

class Decoder {
 public:
  virtual ~Decoder() = default;
  // Decodes from `in` into `out`. `finish` says no input will follow `in`. Sets `*consumed` and
  // `*produced`; both may be 0 when the decoder needs more input. Corrupt input is an error.
  virtual Status Step(const char* in, size_t in_len, bool finish, char* out, size_t out_cap,
                      size_t* consumed, size_t* produced) = 0;
  // True when everything fed so far ended on a stream boundary: at end of input this tells a
  // complete file from a truncated one.
  virtual bool clean_end() const = 0;
};

// A fresh decoder; an error only when the library cannot allocate its state.
Expected<std::unique_ptr<Decoder>> MakeDecoder(Codec codec);

}  // namespace cg
