// Deterministic VCF/BCF fixture generators for the variant-reader tests and fuzz seeds. The VCF
// text is written directly; BCF is written by htslib's own writer (see MakeBcf).
#pragma once

#include <unistd.h>

#include <htslib/hts.h>
#include <htslib/vcf.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace cg::testing {

// Synthetic sample ids in the UK Biobank genotype style (eid_eid).
inline std::vector<std::string> MakeSampleIds(int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back(std::to_string(1000001 + i) + "_" + std::to_string(1000001 + i));
  return ids;
}

// A VCF with `samples` sample columns (none: sites-only) and `records` biallelic sites.
inline std::string MakeVcf(const std::vector<std::string>& samples, int records) {
  std::string v =
      "##fileformat=VCFv4.2\n"
      "##contig=<ID=1,length=249250621>\n"
      "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">\n"
      "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
      "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO";
  if (!samples.empty()) v += "\tFORMAT";
  for (const auto& s : samples) v += "\t" + s;
  v += "\n";
  for (int r = 0; r < records; ++r) {
    v += "1\t" + std::to_string(10000 + r * 17) + "\trs" + std::to_string(100 + r) + "\tA\tG\t50\tPASS\tAF=0.25";
    if (!samples.empty()) v += "\tGT";
    for (size_t s = 0; s < samples.size(); ++s) v += (s + r) % 3 == 0 ? "\t0/1" : "\t0/0";
    v += "\n";
  }
  return v;
}

// The same content as uncompressed BCF, written by htslib's writer ("wbu"); "" if htslib fails.
// htslib 1.16 cannot write to a memory hFILE, so the generator (not the reader under test)
// writes a scratch file in the test temp directory and removes it.
inline std::string MakeBcf(const std::vector<std::string>& samples, int records) {
  std::string vcf = MakeVcf(samples, records);
  size_t header_end = vcf.find("\n", vcf.find("#CHROM")) + 1;
  std::string header_text = vcf.substr(0, header_end);
  bcf_hdr_t* hdr = bcf_hdr_init("r");
  if (bcf_hdr_parse(hdr, header_text.data()) != 0) {
    bcf_hdr_destroy(hdr);
    return "";
  }
  char path[] = "/tmp/cohortguard-bcf-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) {
    bcf_hdr_destroy(hdr);
    return "";
  }
  close(fd);
  htsFile* out = hts_open(path, "wbu");
  std::string result;
  bool ok = out && bcf_hdr_write(out, hdr) == 0;
  bcf1_t* rec = bcf_init();
  for (size_t pos = header_end; ok && pos < vcf.size();) {
    size_t nl = vcf.find('\n', pos);
    std::string line = vcf.substr(pos, nl - pos);
    pos = nl + 1;
    kstring_t ks = {line.size(), line.size() + 1, line.data()};
    ok = vcf_parse(&ks, hdr, rec) == 0 && bcf_write(out, hdr, rec) == 0;
  }
  bcf_destroy(rec);
  if (out && hts_close(out) != 0) ok = false;
  bcf_hdr_destroy(hdr);
  if (ok) {
    std::ifstream in(path, std::ios::binary);
    result.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::remove(path);
  return result;
}

}  // namespace cg::testing
