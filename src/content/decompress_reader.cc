#include "content/decompress_reader.h"

#include <algorithm>
#include <cctype>

namespace cg {
namespace {

constexpr size_t kInputChunk = 64 * 1024;

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(),
                    [](char want, char c) { return std::tolower(static_cast<unsigned char>(c)) == want; });
}

}  // namespace

std::string StripCompressionSuffix(std::string_view name) {
  struct Rule { std::string_view suffix, replacement; };
  static constexpr Rule kRules[] = {
      {".tgz", ".tar"}, {".tbz2", ".tar"}, {".tbz", ".tar"}, {".txz", ".tar"}, {".tzst", ".tar"},
      {".gz", ""},      {".bgz", ""},      {".gzip", ""},    {".zst", ""},     {".zstd", ""},
      {".xz", ""},      {".bz2", ""},      {".bz", ""},
  };
  for (const Rule& r : kRules)
    if (EndsWithNoCase(name, r.suffix) && name.size() > r.suffix.size())
      return std::string(name.substr(0, name.size() - r.suffix.size())) + std::string(r.replacement);
  return std::string(name);
}

DecompressStream::DecompressStream(Codec codec, ByteStream& source, const ContentLimits& limits,
                                   ContentBudget& budget)
    : codec_(codec), source_(source), guard_(limits, budget, CodecName(codec)) {
  auto d = MakeDecoder(codec);
  if (d.ok())
    decoder_ = std::move(d).value();
  else
    status_ = d.status();
}

Expected<size_t> DecompressStream::Read(char* buf, size_t n) {
  if (!status_.ok()) return status_;
  if (done_ || n == 0) return size_t{0};
  auto r = ReadSome(buf, n);
  if (!r.ok()) status_ = r.status();
  return r;
}

Expected<size_t> DecompressStream::ReadSome(char* buf, size_t n) {
  for (;;) {
    if (in_pos_ == in_len_ && !source_eof_) {
      if (in_.empty()) in_.resize(kInputChunk);
      auto got = source_.Read(in_.data(), in_.size());
      if (!got.ok()) return got.status();
      in_pos_ = 0;
      in_len_ = *got;
      if (*got == 0) source_eof_ = true;
    }
    const size_t avail = in_len_ - in_pos_;
    size_t consumed = 0, produced = 0;
    Status s = decoder_->Step(in_.data() + in_pos_, avail, source_eof_, buf, n, &consumed, &produced);
    if (!s.ok()) return s;
    in_pos_ += consumed;
    Status limit = guard_.Account(consumed, produced);
    if (!limit.ok()) return limit;
    if (produced > 0) return produced;
    if (source_eof_ && in_pos_ == in_len_) {
      if (!decoder_->clean_end())
        return Status::Corrupt(std::string("truncated ") + CodecName(codec_) + " stream");
      done_ = true;
      return size_t{0};
    }
    // No output although input was available and consumed nothing: the decoder is stuck.
    if (consumed == 0 && avail > 0)
      return Status::Corrupt(std::string("corrupt ") + CodecName(codec_) + " stream: decoder made no progress");
  }
}

Status DecompressReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                                const EmitFn& emit) {
  // A truncated or bomb-like stream fails the child's Read(): the consumer reports that.
  auto stream = std::make_unique<DecompressStream>(codec_, doc, limits, budget);
  Document child(doc.origin(), StripCompressionSuffix(doc.name()), std::move(stream), doc.depth() + 1);
  return emit(child);
}

}  // namespace cg
