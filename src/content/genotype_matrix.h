// What the genotype readers (BGEN, PLINK .bed/.pgen) share: the table a genotype matrix becomes,
// and reading a binary header from a forward-only document.
//
// A genotype matrix holds one column of genotypes per person. The content layer hands it on as
// a TableView of `format` "bgen", "pgen" or "plink-bed" whose row_count is the number of people
// (kUnknownRowCount when the file does not store it: a .bed's people are in its .fam) and, when
// the file names them (BGEN's sample identifier block), a "sample_id" column of the first
// kStructuredSampleRows ids. Variant data is never decoded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "core/table_view.h"

namespace cg {

TableView GenotypeMatrixTable(const char* format, int64_t people, std::vector<std::string> sample_ids);

// Up to `n` more bytes of `doc` (fewer only at its end).
Expected<std::string> ReadUpTo(Document& doc, size_t n);

// The little-endian uint32 at `at` of `bytes`. REQUIRES: at + 4 <= bytes.size().
uint32_t LittleEndian32(std::string_view bytes, size_t at);

}  // namespace cg
