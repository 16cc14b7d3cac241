// One libFuzzer target per container reader (container_fuzz_driver.h): the input is the document's
// bytes. Built once per reader with -DFUZZ_READER="<name>".
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/container_fuzz_driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cg::fuzz::ContainerTarget target = *cg::fuzz::MakeContainerTarget(FUZZ_READER);
  (void)cg::fuzz::RunContainerTarget(target, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
