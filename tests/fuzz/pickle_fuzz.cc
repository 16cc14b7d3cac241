// Fuzzes the pickle reader: the opcode walker (which executes nothing) and the pandas frame
// decoding over whatever object graph it builds.
#include "content/pickle_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::PickleReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.pkl", data, size);
  return 0;
}
