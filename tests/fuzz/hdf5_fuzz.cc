// Fuzzes the HDF5 reader: libhdf5 opening a memory image without plugins, the link walk, and
// the hyperslab samples of datasets and compound tables.
#include "content/hdf5_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::Hdf5Reader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.h5", data, size);
  return 0;
}
