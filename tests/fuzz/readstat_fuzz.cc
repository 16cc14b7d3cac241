// Fuzzes ReadStat through the reader's in-memory I/O hooks. The first byte picks the format
// (Stata, SPSS, SAS, SAS transport) so the fuzzer need not rediscover each magic number.
#include "content/readstat_reader.h"
#include "fuzz/structured_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const cg::FileType kTypes[] = {cg::FileType::kStataDta, cg::FileType::kSpssSav, cg::FileType::kSas7bdat,
                                        cg::FileType::kSasXport};
  auto t = cg::ReadStatisticsFile(kTypes[data[0] % 4],
                                  std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  if (t.ok()) cg::fuzz::Touch(*t);
  return 0;
}
