// Fuzzes the Arrow IPC footer and record-batch message parser (FlatBuffers view).
#include "content/arrow_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::ArrowReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.arrow", data, size);
  return 0;
}
