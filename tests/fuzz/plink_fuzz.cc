// Fuzzes the PLINK .bed / .pgen header reader (the name says .pgen, so every mode byte reaches it).
#include "content/plink_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::PlinkReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.pgen", data, size);
  return 0;
}
