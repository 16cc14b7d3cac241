// BGEN and PLINK headers written from the formats' specifications, for the genotype readers'
// tests and fuzz seeds (the real tools' files are in tests/data/binary, written by
// scripts/generate-binary-fixtures). Only headers: the variant data is never read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cg::testing {

inline void PutLittleEndian32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

struct BgenSpec {
  uint32_t layout = 2;        // 1 or 2
  uint32_t compression = 0;   // 0 none, 1 zlib, 2 zstd
  uint32_t samples = 0;       // N in the header
  std::vector<std::string> ids;  // stored in a sample identifier block when not empty
  uint32_t variants = 3;
  std::string free_data = "synthetic";
  std::string variant_bytes = std::string(40, '\x01');  // stands for the variant blocks
};

// The header block (offset, LH, M, N, "bgen", free data, flags), the sample identifier block
// when `ids` is set, then `variant_bytes`.
inline std::string MakeBgen(const BgenSpec& s) {
  std::string header;
  const uint32_t lh = static_cast<uint32_t>(20 + s.free_data.size());
  PutLittleEndian32(header, lh);
  PutLittleEndian32(header, s.variants);
  PutLittleEndian32(header, s.samples);
  header += "bgen" + s.free_data;
  PutLittleEndian32(header, s.compression | (s.layout << 2) | (s.ids.empty() ? 0u : 0x80000000u));
  std::string block;
  if (!s.ids.empty()) {
    std::string ids;
    for (const auto& id : s.ids) {
      ids.push_back(static_cast<char>(id.size() & 0xff));
      ids.push_back(static_cast<char>(id.size() >> 8));
      ids += id;
    }
    PutLittleEndian32(block, static_cast<uint32_t>(8 + ids.size()));
    PutLittleEndian32(block, static_cast<uint32_t>(s.ids.size()));
    block += ids;
  }
  std::string out;
  PutLittleEndian32(out, static_cast<uint32_t>(header.size() + block.size()));
  return out + header + block + s.variant_bytes;
}

// A PLINK 1 SNP-major .bed: magic, mode 0x01, then `variants` records of ceil(people/4) bytes.
inline std::string MakeBed(int people, int variants) {
  std::string out("\x6c\x1b\x01", 3);
  const int per_variant = (people + 3) / 4;
  for (int v = 0; v < variants; ++v)
    for (int b = 0; b < per_variant; ++b) out.push_back(static_cast<char>((v * 31 + b * 7) & 0xff));
  return out;
}

// A PLINK 2 .pgen header of `mode` 0x02 (fixed-width) or 0x10 (variable-width, one variant
// block whose offset follows the header), counting `variants` and `people`, then filler records.
inline std::string MakePgen(unsigned char mode, uint32_t variants, uint32_t people) {
  std::string out("\x6c\x1b", 2);
  out.push_back(static_cast<char>(mode));
  PutLittleEndian32(out, variants);
  PutLittleEndian32(out, people);
  if (mode == 0x10) {
    out.push_back('\x40');  // control byte: 4-bit record types, 1-byte record lengths
    PutLittleEndian32(out, 20);
    PutLittleEndian32(out, 0);
  }
  out += std::string(static_cast<size_t>(variants) * ((people + 3) / 4), '\x55');
  return out;
}

}  // namespace cg::testing
