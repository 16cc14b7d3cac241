#include "content/vcf_reader.h"

#include <htslib/hts_log.h>
#include <htslib/vcf.h>

#include <cstring>
#include <memory>

#include "content/structured_input.h"

namespace cg {
namespace {

struct HeaderDeleter {
  void operator()(bcf_hdr_t* h) const { bcf_hdr_destroy(h); }
};

constexpr size_t kBcfPrefix = 5 + 4;  // "BCF\2\x" then l_text (uint32, little-endian)

// Reads VCF header lines from `doc` through the first complete "#CHROM" line.
Expected<std::string> ReadVcfHeader(Document& doc, const ContentLimits& limits) {
  std::string header;
  size_t line_start = 0;
  char buf[64 * 1024];
  for (;;) {
    // Inspect every complete line buffered so far.
    for (;;) {
      size_t nl = header.find('\n', line_start);
      size_t line_end = nl == std::string::npos ? header.size() : nl;
      if (line_end - line_start > limits.max_line_length)
        return Status::LimitExceeded("VCF header line longer than " + std::to_string(limits.max_line_length) +
                                     " bytes");
      if (line_start < header.size() && header[line_start] != '#')
        return Status::Corrupt("VCF header ends without a #CHROM line");
      if (nl == std::string::npos) break;
      if (header.compare(line_start, 6, "#CHROM") == 0) {
        header.resize(nl + 1);
        return header;
      }
      line_start = nl + 1;
    }
    auto n = doc.Read(buf, sizeof buf);
    if (!n.ok()) return n.status();
    if (*n == 0) {
      if (header.compare(line_start, 6, "#CHROM") == 0) return header + "\n";
      return Status::Corrupt("VCF header ends without a #CHROM line");
    }
    if (header.size() + *n > limits.max_held_bytes)
      return Status::LimitExceeded("VCF header larger than --max-file-size, the most a reader holds in memory");
    header.append(buf, *n);
  }
}

// Reads an uncompressed BCF header: magic, l_text, text.
Expected<std::string> ReadBcfHeader(Document& doc, const ContentLimits& limits) {
  std::string header(kBcfPrefix, '\0');
  size_t got = 0;
  while (got < kBcfPrefix) {
    auto n = doc.Read(header.data() + got, kBcfPrefix - got);
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::Corrupt("BCF file truncated inside its magic and header length");
    got += *n;
  }
  uint32_t l_text = 0;
  for (int i = 0; i < 4; ++i) l_text |= static_cast<uint32_t>(static_cast<unsigned char>(header[5 + i])) << (8 * i);
  if (l_text > limits.max_held_bytes)
    return Status::LimitExceeded("BCF header larger than --max-file-size, the most a reader holds in memory");
  header.resize(kBcfPrefix + l_text);
  while (got < header.size()) {
    auto n = doc.Read(header.data() + got, header.size() - got);
    if (!n.ok()) return n.status();
    if (*n == 0)
      return Status::Corrupt("BCF header truncated: " + std::to_string(got - kBcfPrefix) + " of " +
                             std::to_string(l_text) + " bytes");
    got += *n;
  }
  return header;
}

}  // namespace

VcfReader::VcfReader() {
  // htslib prints its parse errors to stderr; this reader turns failures into Status values.
  hts_set_log_level(HTS_LOG_OFF);
}

Expected<TableView> ParseVariantHeader(std::string_view header_bytes) {
  const bool bcf = header_bytes.substr(0, 3) == "BCF";
  std::string text;
  if (bcf) {
    if (header_bytes.size() < kBcfPrefix) return Status::Corrupt("BCF file truncated inside its magic");
    if (header_bytes[3] != 2 || (header_bytes[4] != 1 && header_bytes[4] != 2))
      return Status::Corrupt("unsupported BCF version " + std::to_string(header_bytes[3]) + "." +
                             std::to_string(header_bytes[4]));
    text.assign(header_bytes.substr(kBcfPrefix));
    text.resize(std::strlen(text.c_str()));  // l_text counts the NUL terminator
  } else {
    text.assign(header_bytes);
  }
  // bcf_hdr_parse works on the text alone. (vcf_hdr_read would also look for a tabix index
  // beside the "file", which for a memory hFILE means a crash or a file-system probe.)
  std::unique_ptr<bcf_hdr_t, HeaderDeleter> hdr(bcf_hdr_init("r"));
  if (!hdr) return Status::IoError("htslib could not allocate a VCF header");
  if (bcf_hdr_parse(hdr.get(), text.data()) != 0)
    return Status::Corrupt(bcf ? "malformed BCF header" : "malformed VCF header");

  TableView table;
  table.format = "vcf-samples";
  const int n = bcf_hdr_nsamples(hdr.get());
  table.row_count = n;
  if (n == 0) return table;  // sites-only
  table.header = {"sample_id"};
  for (int i = 0; i < n && static_cast<size_t>(i) < kStructuredSampleRows; ++i)
    table.rows.push_back({hdr->samples[i]});
  return table;
}

Status VcfReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                         const EmitFn& emit) {
  auto head = doc.Peek(4);
  if (!head.ok()) return head.status();
  auto header = head->substr(0, 3) == "BCF" ? ReadBcfHeader(doc, limits) : ReadVcfHeader(doc, limits);
  if (!header.ok()) return header.status();
  auto table = ParseVariantHeader(*header);
  if (!table.ok()) return table.status();
  if (table->header.empty()) return Status::Ok();  // sites-only: no participants here
  Document child = TableChild(doc, "", std::move(*table));
  return emit(child);
}

}  // namespace cg
