// PlinkReader: PLINK's binary genotype files as genotype matrices of people.
//
// - PLINK 1 .bed (magic 0x6c 0x1b, mode 0x01 SNP-major or 0x00 individual-major): 2 bits per
//   person per variant; the people are listed in the companion .fam, so the table's row count is
//   kUnknownRowCount. A .bed that holds no byte after its magic holds no genotypes: no table.
// - PLINK 2 .pgen (0x6c 0x1b, then the storage mode): modes 0x02-0x04 (fixed-width) and
//   0x10/0x11 (variable-width) store the variant count M and sample count N in bytes 3-10; the
//   variable-width modes' table of variant block offsets is read and checked too. Mode 0x01 is
//   a .bed under another name. Any other mode is still a genotype matrix (of people not
//   counted) and an error saying the header was not understood.
// The .fam, .psam and .pheno companions are text tables, read by the text analysis. Genotype
// data is never decoded. Stateless; safe to share between threads.
#pragma once

#include "content/content_reader.h"

namespace cg {

class PlinkReader : public ContentReader {
 public:
  const char* name() const override { return "plink"; }
  const char* summary() const override {
    return "PLINK 1 .bed and PLINK 2 .pgen: magic, storage mode and the header's sample count, as a genotype "
           "matrix of people (own reader of the documented header)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kPlinkBed || type == FileType::kPgen; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
