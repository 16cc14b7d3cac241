// VcfReader: the sample columns of a VCF or BCF file as a table of participants.
//
// Each sample name after FORMAT is one person, so a VCF with samples becomes a TableView of
// format "vcf-samples" with header ["sample_id"], the first kStructuredSampleRows names as rows
// and the number of samples as row_count. Sites-only files (no sample columns) emit nothing.
//
// Only the header is read: it is collected from the stream (every line bounded by
// ContentLimits::max_line_length, the whole header by max_held_bytes) and parsed in memory by
// htslib (bcf_hdr_parse), never through a file. BCF arrives here uncompressed (BGZF is unwrapped
// by the compression reader and the child re-sniffed). Variant records are not read.
// Stateless; safe to share between threads.
#pragma once

#include <string_view>

#include "content/content_reader.h"

namespace cg {

class VcfReader : public ContentReader {
 public:
  VcfReader();
  const char* name() const override { return "vcf"; }
  const char* summary() const override {
    return "VCF/BCF: sample names after FORMAT as a table of participants (htslib)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kVcf || type == FileType::kBcf; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

// Parses a complete VCF text header (every line through #CHROM) or an uncompressed BCF header
// (magic, length, text) with htslib. Returns the samples table; an empty header and zero
// row_count mean a sites-only file. Exposed for tests and the fuzzer.
Expected<TableView> ParseVariantHeader(std::string_view header_bytes);

}  // namespace cg
