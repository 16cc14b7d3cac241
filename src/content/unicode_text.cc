#include "content/unicode_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cg {
namespace {

constexpr size_t kInputChunk = 64 * 1024;
constexpr size_t kOutputChunk = 2 * kInputChunk;  // UTF-16 grows at most 3/2 in UTF-8
constexpr size_t kSniffUnits = 2048;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

constexpr WideEncoding kUtf16Le{"UTF-16LE", 2, 0}, kUtf16Be{"UTF-16BE", 2, 0}, kUtf32Le{"UTF-32LE", 4, 0},
    kUtf32Be{"UTF-32BE", 4, 0};

WideEncoding WithBom(WideEncoding e) {
  e.bom = e.unit;
  return e;
}

unsigned char At(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

bool PrintableAscii(unsigned char c) { return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f); }

// Without a byte order mark: text in the ASCII range puts a zero in every unit's high bytes and
// almost never in its low byte. Judged over the first kSniffUnits units; most must be printable
// ASCII so that arrays of small binary integers are not taken for text.
bool LooksWide(std::string_view head, size_t unit, bool little_endian) {
  const size_t units = std::min(head.size() / unit, kSniffUnits);
  if (units < 8) return false;
  size_t ascii = 0, printable = 0, zero_low = 0;
  for (size_t u = 0; u < units; ++u) {
    std::string_view cu = head.substr(u * unit, unit);
    const unsigned char low = little_endian ? At(cu, 0) : At(cu, unit - 1);
    bool high_zero = true;
    for (size_t b = 1; b < unit; ++b) high_zero &= At(cu, little_endian ? b : unit - 1 - b) == 0;
    if (unit == 4 && At(cu, little_endian ? 3 : 0) != 0) return false;  // past U+10FFFF
    if (low == 0) ++zero_low;
    if (high_zero) {
      ++ascii;
      printable += PrintableAscii(low);
    }
  }
  return ascii * 10 >= units * 6 && zero_low * 100 <= units && printable * 10 >= ascii * 9;
}

}  // namespace

std::optional<WideEncoding> SniffWideEncoding(std::string_view head) {
  auto starts = [&](std::string_view p) { return head.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\x00\x00"sv)) return WithBom(kUtf32Le);
  if (starts("\x00\x00\xFE\xFF"sv)) return WithBom(kUtf32Be);
  if (starts("\xFF\xFE"sv)) return WithBom(kUtf16Le);
  if (starts("\xFE\xFF"sv)) return WithBom(kUtf16Be);
  if (head.find('\0') == std::string_view::npos) return std::nullopt;  // the common case: UTF-8 or Latin-1
  for (const WideEncoding& e : {kUtf32Le, kUtf32Be, kUtf16Le, kUtf16Be})
    if (LooksWide(head, e.unit, e.iconv_name[6] == 'L')) return e;
  return std::nullopt;
}

TranscodeStream::TranscodeStream(ByteStream& source, WideEncoding encoding)
    : source_(source), encoding_(encoding), cd_(iconv_open("UTF-8", encoding.iconv_name)), bom_left_(encoding.bom) {}

TranscodeStream::~TranscodeStream() {
  if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
}

Status TranscodeStream::Fill() {
  const size_t left = in_len_ - in_pos_;
  if (in_.size() < kInputChunk) in_.resize(kInputChunk);
  std::memmove(in_.data(), in_.data() + in_pos_, left);
  in_pos_ = 0;
  in_len_ = left;
  auto r = source_.Read(in_.data() + left, in_.size() - left);
  if (!r.ok()) return r.status();
  if (*r == 0) eof_ = true;
  in_len_ += *r;
  const size_t bom = std::min(bom_left_, in_len_);
  in_pos_ += bom;
  bom_left_ -= bom;
  return Status::Ok();
}

void TranscodeStream::Convert() {
  out_.resize(kOutputChunk);
  out_pos_ = 0;
  char* op = out_.data();
  size_t ol = out_.size();
  while (in_pos_ < in_len_) {
    char* ip = in_.data() + in_pos_;
    size_t il = in_len_ - in_pos_;
    const size_t r = iconv(cd_, &ip, &il, &op, &ol);
    in_pos_ = in_len_ - il;
    if (r != static_cast<size_t>(-1) || errno == E2BIG) break;
    if (errno == EINVAL && !eof_) break;  // a unit split across reads: wait for the rest
    // EILSEQ (a lone surrogate, a value past U+10FFFF), or a truncated last unit.
    if (ol < kReplacement.size()) break;
    std::memcpy(op, kReplacement.data(), kReplacement.size());
    op += kReplacement.size();
    ol -= kReplacement.size();
    ++invalid_;
    in_pos_ += std::min(encoding_.unit, in_len_ - in_pos_);
  }
  out_.resize(out_.size() - ol);
}

Expected<size_t> TranscodeStream::Read(char* buf, size_t n) {
  if (cd_ == reinterpret_cast<iconv_t>(-1))
    return Status::Unsupported(std::string("iconv cannot convert ") + encoding_.iconv_name + " to UTF-8");
  while (out_pos_ >= out_.size()) {
    if (!eof_ && in_len_ - in_pos_ < kInputChunk / 2) {
      Status s = Fill();
      if (!s.ok()) return s;
    }
    if (eof_ && in_pos_ >= in_len_) return size_t{0};
    Convert();
  }
  const size_t k = std::min(n, out_.size() - out_pos_);
  std::memcpy(buf, out_.data() + out_pos_, k);
  out_pos_ += k;
  return k;
}

Status UnicodeTextReader::Expand(Document& doc, const ContentLimits& /*limits*/, ContentBudget& /*budget*/,
                                 const EmitFn& emit) {
  auto head = doc.Peek(4 * kSniffUnits);
  if (!head.ok()) return head.status();
  std::optional<WideEncoding> encoding = SniffWideEncoding(*head);
  if (!encoding) return Status::Corrupt("not UTF-16 or UTF-32 text");
  auto stream = std::make_unique<TranscodeStream>(doc, *encoding);
  TranscodeStream* transcoder = stream.get();
  Document child(doc.origin(), doc.name(), std::move(stream), doc.depth() + 1);
  Status s = emit(child);
  if (!s.ok()) return s;
  // A few bad units are damage; many mean the guess was wrong and the text is not what was read.
  const uint64_t units = doc.consumed() / encoding->unit;
  if (transcoder->invalid_units() * 100 > units)
    return Status::Corrupt(std::to_string(transcoder->invalid_units()) + " of " + std::to_string(units) + " " +
                           encoding->iconv_name + " code units are invalid (read as U+FFFD)");
  return Status::Ok();
}

}  // namespace cg
