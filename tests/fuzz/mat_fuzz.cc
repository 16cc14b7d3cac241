// Fuzzes the MATLAB reader: matio over a memory file for v5 (structs, matrices, compressed
// variables) and the HDF5 path for v7.3.
#include "content/mat_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::MatReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.mat", data, size);
  return 0;
}
