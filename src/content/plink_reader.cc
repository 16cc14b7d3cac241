#include "content/plink_reader.h"

#include <cstdio>

#include "content/genotype_matrix.h"
#include "content/structured_input.h"

namespace cg {
namespace {

constexpr uint32_t kVariantBlock = 1u << 16;  // .pgen variable-width: one offset per 2^16 variants

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", c);
  return buf;
}

Status EmitMatrix(Document& doc, const char* format, int64_t people, const EmitFn& emit) {
  Document child = TableChild(doc, "", GenotypeMatrixTable(format, people, {}));
  return emit(child);
}

// Variable-width .pgen: after the 12-byte header, one uint64 file offset per block of 2^16
// variants, in increasing order, the first just past the table.
Status CheckBlockOffsets(Document& doc, const ContentLimits& limits, uint32_t variants) {
  const uint64_t blocks = (static_cast<uint64_t>(variants) + kVariantBlock - 1) / kVariantBlock;
  if (8 * blocks > limits.max_total_bytes) return Status::LimitExceeded("PGEN block offset table larger than the content limit");
  auto table = ReadUpTo(doc, static_cast<size_t>(8 * blocks));
  if (!table.ok()) return table.status();
  if (table->size() < 8 * blocks)
    return Status::Corrupt("PGEN header truncated inside its variant block offsets (" + std::to_string(12 + table->size()) +
                           " of " + std::to_string(12 + 8 * blocks) + " bytes)");
  uint64_t previous = 12 + 8 * blocks;
  for (uint64_t b = 0; b < blocks; ++b) {
    const uint64_t at = LittleEndian32(*table, 8 * b) | static_cast<uint64_t>(LittleEndian32(*table, 8 * b + 4)) << 32;
    if (at < previous) return Status::Corrupt("PGEN variant block " + std::to_string(b) + " offset is out of order");
    previous = at;
  }
  const int64_t size = doc.SizeHint();
  if (size >= 0 && previous > static_cast<uint64_t>(size))
    return Status::Corrupt("PGEN truncated: its last variant block starts at byte " + std::to_string(previous) +
                           ", past the end of the file (" + std::to_string(size) + " bytes)");
  return Status::Ok();
}

}  // namespace

Status PlinkReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/, const EmitFn& emit) {
  auto head = ReadUpTo(doc, 3);
  if (!head.ok()) return head.status();
  if (head->size() < 3 || (*head)[0] != 0x6c || (*head)[1] != 0x1b)
    return Status::Corrupt("PLINK magic bytes 0x6c 0x1b and mode byte missing");
  const unsigned char mode = static_cast<unsigned char>((*head)[2]);
  if (mode <= 0x01) {
    auto first = ReadUpTo(doc, 1);
    if (!first.ok()) return first.status();
    if (first->empty()) return Status::Ok();  // the magic alone: no variants, no genotypes
    return EmitMatrix(doc, "plink-bed", kUnknownRowCount, emit);
  }
  const bool fixed_width = mode >= 0x02 && mode <= 0x04, variable_width = mode == 0x10 || mode == 0x11;
  if (!fixed_width && !variable_width) {
    if (Status st = EmitMatrix(doc, "pgen", kUnknownRowCount, emit); !st.ok()) return st;
    return Status::Unsupported("PGEN storage mode " + Hex(mode) + " is not one this reader knows: the people were not counted");
  }
  const size_t header = variable_width ? 12 : 11;
  auto counts = ReadUpTo(doc, header - 3);
  if (!counts.ok()) return counts.status();
  if (counts->size() < header - 3)
    return Status::Corrupt("PGEN header truncated: " + std::to_string(3 + counts->size()) + " of " + std::to_string(header) +
                           " bytes");
  const uint32_t variants = LittleEndian32(*counts, 0), samples = LittleEndian32(*counts, 4);
  if (samples == 0 || variants == 0)
    return Status::Corrupt("PGEN header counts " + std::to_string(variants) + " variants and " + std::to_string(samples) +
                           " samples");
  if (Status st = EmitMatrix(doc, "pgen", samples, emit); !st.ok()) return st;
  return variable_width ? CheckBlockOffsets(doc, limits, variants) : Status::Ok();
}

}  // namespace cg
