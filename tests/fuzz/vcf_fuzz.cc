// Fuzzes the VCF/BCF header path (htslib's bcf_hdr_parse behind the reader's own line limits).
#include "content/vcf_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::VcfReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.vcf", data, size);
  return 0;
}
