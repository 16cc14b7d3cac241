// Fuzzes the Parquet footer parser (Thrift compact protocol).
#include "content/parquet_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::ParquetReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.parquet", data, size);
  return 0;
}
