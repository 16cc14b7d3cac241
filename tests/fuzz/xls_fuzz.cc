// Fuzzes the .xls reader: FreeXL over a memory file, the cell-count bound and the sheet walk.
#include "content/xls_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::XlsReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.xls", data, size);
  return 0;
}
