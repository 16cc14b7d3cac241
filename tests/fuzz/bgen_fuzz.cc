// Fuzzes the BGEN header and sample identifier block reader.
#include "content/bgen_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::BgenReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.bgen", data, size);
  return 0;
}
