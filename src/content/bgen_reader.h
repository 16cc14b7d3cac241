// BgenReader: a BGEN file (UK Biobank's imputed genotypes, qctool, PLINK 2 --export bgen-1.x)
// as the genotype matrix of its people.
//
// Reads the header block (offset, header length, variant count M, sample count N, magic, flags:
// compression none/zlib/zstd, layout 1 or 2, whether sample identifiers are stored) and, when
// the flags say so, the sample identifier block, checking it against N and the offset. Emits
// one TableView of format "bgen": N people, with the first kStructuredSampleRows sample ids as a
// "sample_id" column when the file holds them. A damaged sample block still emits the N people
// (without ids) before the error. Variant blocks are never read or decompressed.
// Stateless; safe to share between threads.
#pragma once

#include "content/content_reader.h"

namespace cg {

class BgenReader : public ContentReader {
 public:
  const char* name() const override { return "bgen"; }
  const char* summary() const override {
    return "BGEN (layouts 1, 2; any compression): header sample count and sample identifier block as the people "
           "of a genotype matrix (own reader of the documented header)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kBgen; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
