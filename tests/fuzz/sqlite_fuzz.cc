// Fuzzes the SQLite reader: a database image deserialized read-only, schema listed, tables sampled
// and counted under the reader's step budget.
#include "content/sqlite_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::SqliteReader reader;
  (void)cg::fuzz::ExpandOnce(reader, "x.db", data, size);
  return 0;
}
