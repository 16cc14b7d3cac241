// Fuzzes the R serialization parser and data-frame extraction (.rds and .RData).
#include "content/rdata_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::RDataReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.rds", data, size);
  return 0;
}
