#include "content/decoder.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <climits>
#include <string>

namespace cg {
namespace {

// liblzma refuses streams whose dictionary needs more memory than this (xz -9 needs 65 MiB).
constexpr uint64_t kXzMemoryLimit = 256ull << 20;

unsigned Clamp(size_t n) { return static_cast<unsigned>(std::min<size_t>(n, UINT_MAX)); }

class GzipDecoder : public Decoder {
 public:
  ~GzipDecoder() override { inflateEnd(&z_); }
  bool Init() { return inflateInit2(&z_, 15 + 16) == Z_OK; }

  Status Step(const char* in, size_t in_len, bool /*finish*/, char* out, size_t out_cap, size_t* consumed,
              size_t* produced) override {
    *consumed = *produced = 0;
    if (garbage_) {
      *consumed = in_len;
      return Status::Ok();
    }
    if (member_ended_) {
      if (in_len == 0) return Status::Ok();
      // Another member (BGZF, `cat a.gz b.gz`) starts with the magic; anything else is padding.
      if (static_cast<unsigned char>(in[0]) != 0x1f) {
        garbage_ = true;
        *consumed = in_len;
        return Status::Ok();
      }
      inflateReset(&z_);
      member_ended_ = false;
    }
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z_.avail_in = Clamp(in_len);
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = Clamp(out_cap);
    int r = inflate(&z_, Z_NO_FLUSH);
    *consumed = Clamp(in_len) - z_.avail_in;
    *produced = Clamp(out_cap) - z_.avail_out;
    if (r == Z_STREAM_END) {
      member_ended_ = true;
      return Status::Ok();
    }
    if (r == Z_OK || r == Z_BUF_ERROR) return Status::Ok();
    return Status::Corrupt(std::string("corrupt gzip stream: ") + (z_.msg ? z_.msg : "inflate failed"));
  }
  bool clean_end() const override { return member_ended_ || garbage_; }

 private:
  z_stream z_{};
  bool member_ended_ = false;
  bool garbage_ = false;
};

class ZstdDecoder : public Decoder {
 public:
  ~ZstdDecoder() override { ZSTD_freeDCtx(d_); }
  bool Init() { return (d_ = ZSTD_createDCtx()) != nullptr; }

  Status Step(const char* in, size_t in_len, bool /*finish*/, char* out, size_t out_cap, size_t* consumed,
              size_t* produced) override {
    ZSTD_inBuffer ib{in, in_len, 0};
    ZSTD_outBuffer ob{out, out_cap, 0};
    size_t r = ZSTD_decompressStream(d_, &ob, &ib);
    *consumed = ib.pos;
    *produced = ob.pos;
    if (ZSTD_isError(r)) {
      if (ZSTD_getErrorCode(r) == ZSTD_error_frameParameter_windowTooLarge)
        return Status::LimitExceeded("zstd frame needs a window larger than 128 MiB");
      return Status::Corrupt(std::string("corrupt zstd stream: ") + ZSTD_getErrorName(r));
    }
    // 0 means a frame ended and was flushed whole; a new frame may follow.
    if (ib.pos > 0 || ob.pos > 0) frame_ended_ = (r == 0);
    return Status::Ok();
  }
  bool clean_end() const override { return frame_ended_; }

 private:
  ZSTD_DCtx* d_ = nullptr;
  bool frame_ended_ = false;
};

class XzDecoder : public Decoder {
 public:
  ~XzDecoder() override { lzma_end(&s_); }
  bool Init() { return lzma_stream_decoder(&s_, kXzMemoryLimit, LZMA_CONCATENATED) == LZMA_OK; }

  Status Step(const char* in, size_t in_len, bool finish, char* out, size_t out_cap, size_t* consumed,
              size_t* produced) override {
    *consumed = *produced = 0;
    if (ended_) return Status::Ok();
    s_.next_in = reinterpret_cast<const uint8_t*>(in);
    s_.avail_in = in_len;
    s_.next_out = reinterpret_cast<uint8_t*>(out);
    s_.avail_out = out_cap;
    lzma_ret r = lzma_code(&s_, finish ? LZMA_FINISH : LZMA_RUN);
    *consumed = in_len - s_.avail_in;
    *produced = out_cap - s_.avail_out;
    switch (r) {
      case LZMA_OK: return Status::Ok();
      case LZMA_STREAM_END: ended_ = true; return Status::Ok();
      case LZMA_BUF_ERROR: return finish ? Status::Corrupt("truncated xz stream") : Status::Ok();
      case LZMA_MEMLIMIT_ERROR:
        return Status::LimitExceeded("xz stream needs more than 256 MiB of memory to decode");
      case LZMA_FORMAT_ERROR: return Status::Corrupt("corrupt xz stream: not in xz format");
      case LZMA_DATA_ERROR: return Status::Corrupt("corrupt xz stream: data error");
      default: return Status::Corrupt("corrupt xz stream: liblzma error " + std::to_string(static_cast<int>(r)));
    }
  }
  bool clean_end() const override { return ended_; }

 private:
  lzma_stream s_ = LZMA_STREAM_INIT;
  bool ended_ = false;
};

class Bzip2Decoder : public Decoder {
 public:
  ~Bzip2Decoder() override { BZ2_bzDecompressEnd(&b_); }
  bool Init() { return BZ2_bzDecompressInit(&b_, 0, 0) == BZ_OK; }

  Status Step(const char* in, size_t in_len, bool /*finish*/, char* out, size_t out_cap, size_t* consumed,
              size_t* produced) override {
    *consumed = *produced = 0;
    if (garbage_) {
      *consumed = in_len;
      return Status::Ok();
    }
    if (stream_ended_) {
      if (in_len == 0) return Status::Ok();
      if (in[0] != 'B') {  // pbzip2 writes one stream per block: each starts with "BZh"
        garbage_ = true;
        *consumed = in_len;
        return Status::Ok();
      }
      BZ2_bzDecompressEnd(&b_);
      b_ = bz_stream{};
      if (BZ2_bzDecompressInit(&b_, 0, 0) != BZ_OK) return Status::IoError("out of memory for bzip2");
      stream_ended_ = false;
    }
    b_.next_in = const_cast<char*>(in);
    b_.avail_in = Clamp(in_len);
    b_.next_out = out;
    b_.avail_out = Clamp(out_cap);
    int r = BZ2_bzDecompress(&b_);
    *consumed = Clamp(in_len) - b_.avail_in;
    *produced = Clamp(out_cap) - b_.avail_out;
    if (r == BZ_STREAM_END) {
      stream_ended_ = true;
      return Status::Ok();
    }
    if (r == BZ_OK) return Status::Ok();
    if (r == BZ_MEM_ERROR) return Status::IoError("out of memory for bzip2");
    return Status::Corrupt("corrupt bzip2 stream (libbz2 error " + std::to_string(r) + ")");
  }
  bool clean_end() const override { return stream_ended_ || garbage_; }

 private:
  bz_stream b_{};
  bool stream_ended_ = false;
  bool garbage_ = false;
};

template <typename T>
Expected<std::unique_ptr<Decoder>> Make(Codec c) {
  auto d = std::make_unique<T>();
  if (!d->Init()) return Status::IoError(std::string("cannot initialise the ") + CodecName(c) + " decoder");
  return std::unique_ptr<Decoder>(std::move(d));
}

}  // namespace

const char* CodecName(Codec c) {
  switch (c) {
    case Codec::kGzip: return "gzip";
    case Codec::kZstd: return "zstd";
    case Codec::kXz: return "xz";
    case Codec::kBzip2: return "bzip2";
  }
  return "?";
}

Expected<std::unique_ptr<Decoder>> MakeDecoder(Codec codec) {
  switch (codec) {
    case Codec::kGzip: return Make<GzipDecoder>(codec);
    case Codec::kZstd: return Make<ZstdDecoder>(codec);
    case Codec::kXz: return Make<XzDecoder>(codec);
    case Codec::kBzip2: return Make<Bzip2Decoder>(codec);
  }
  return Status::InvalidArgument("unknown codec");
}

}  // namespace cg
