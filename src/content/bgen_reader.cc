#include "content/bgen_reader.h"

#include "content/genotype_matrix.h"
#include "content/structured_input.h"

namespace cg {
namespace {

constexpr size_t kFixedHeader = 4 + 16;  // offset, then LH, M, N, magic of the header block
constexpr uint32_t kSampleIdsFlag = 0x80000000u;

std::string Count(size_t got, size_t want) { return std::to_string(got) + " of " + std::to_string(want) + " bytes"; }

Status CheckFlags(uint32_t flags) {
  const uint32_t compression = flags & 3, layout = (flags >> 2) & 0xf;
  if (compression == 3) return Status::Corrupt("BGEN flags name compression type 3, which does not exist");
  if (layout != 1 && layout != 2)
    return Status::Unsupported("BGEN layout " + std::to_string(layout) + " (only layouts 1 and 2 are defined)");
  if (compression == 2 && layout == 1) return Status::Corrupt("BGEN flags say zstd compression with layout 1");
  return Status::Ok();
}

// The sample identifier block after the header: LSI, N, then N (uint16 length, id) pairs.
Expected<std::vector<std::string>> ReadSampleIds(Document& doc, const ContentLimits& limits, uint32_t offset,
                                                 uint32_t header_length, uint32_t samples) {
  auto fixed = ReadUpTo(doc, 8);
  if (!fixed.ok()) return fixed.status();
  if (fixed->size() < 8) return Status::Corrupt("BGEN sample identifier block truncated: " + Count(fixed->size(), 8));
  const uint32_t length = LittleEndian32(*fixed, 0), count = LittleEndian32(*fixed, 4);
  if (count != samples)
    return Status::Corrupt("BGEN sample identifier block lists " + std::to_string(count) + " samples, the header " +
                           std::to_string(samples));
  if (length < 8 + 2ull * samples || static_cast<uint64_t>(header_length) + length > offset)
    return Status::Corrupt("BGEN sample identifier block length " + std::to_string(length) +
                           " does not fit its samples and the offset to the first variant");
  if (length > limits.max_total_bytes)
    return Status::LimitExceeded("BGEN sample identifier block larger than the content limit");
  auto block = ReadUpTo(doc, length - 8);
  if (!block.ok()) return block.status();
  if (block->size() < length - 8)
    return Status::Corrupt("BGEN sample identifier block truncated: " + Count(block->size() + 8, length));
  std::vector<std::string> ids;
  size_t at = 0;
  for (uint32_t i = 0; i < samples; ++i) {
    if (at + 2 > block->size()) return Status::Corrupt("BGEN sample identifier " + std::to_string(i + 1) + " overruns its block");
    const size_t n = static_cast<unsigned char>((*block)[at]) | static_cast<size_t>(static_cast<unsigned char>((*block)[at + 1])) << 8;
    at += 2;
    if (at + n > block->size()) return Status::Corrupt("BGEN sample identifier " + std::to_string(i + 1) + " overruns its block");
    if (ids.size() < kStructuredSampleRows) ids.emplace_back(block->substr(at, n));
    at += n;
  }
  if (at != block->size())
    return Status::Corrupt("BGEN sample identifier block has " + std::to_string(block->size() - at) +
                           " bytes after its last identifier");
  return ids;
}

}  // namespace

Status BgenReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/, const EmitFn& emit) {
  auto head = ReadUpTo(doc, kFixedHeader);
  if (!head.ok()) return head.status();
  if (head->size() < kFixedHeader) return Status::Corrupt("BGEN header truncated: " + Count(head->size(), kFixedHeader + 4));
  const uint32_t offset = LittleEndian32(*head, 0), header_length = LittleEndian32(*head, 4);
  const uint32_t samples = LittleEndian32(*head, 12);
  if (header_length < kFixedHeader || header_length > offset)
    return Status::Corrupt("BGEN header block length " + std::to_string(header_length) +
                           " is not between 20 and the offset to the first variant (" + std::to_string(offset) + ")");
  if (header_length > limits.max_total_bytes) return Status::LimitExceeded("BGEN header block larger than the content limit");
  auto rest = ReadUpTo(doc, header_length - 16);  // free data, then the flags
  if (!rest.ok()) return rest.status();
  if (rest->size() < header_length - 16)
    return Status::Corrupt("BGEN header truncated: " + Count(4 + 16 + rest->size(), 4 + header_length));
  const uint32_t flags = LittleEndian32(*rest, rest->size() - 4);
  if (Status st = CheckFlags(flags); !st.ok()) return st;
  if (samples == 0) return Status::Ok();  // a matrix of nobody
  std::vector<std::string> ids;
  Status damaged;
  if (flags & kSampleIdsFlag) {
    auto read = ReadSampleIds(doc, limits, offset, header_length, samples);
    if (read.ok()) ids = std::move(*read);
    else damaged = read.status();
  }
  // The header's count stands even when the identifier block is damaged: N people either way.
  Document child = TableChild(doc, "", GenotypeMatrixTable("bgen", samples, std::move(ids)));
  if (Status st = emit(child); !st.ok()) return st;
  return damaged;
}

}  // namespace cg
