// ReadIsolated: runs a reader built on a C library that is not safe on hostile input (FreeXL,
// matio, libhdf5: fuzzing finds over-reads, a use-after-free and multi-GB allocations in them) in a
// forked child process.
// The child gets an address-space limit (its size at the fork plus twice the input plus
// kIsolatedHeadroom; under AddressSanitizer, which reserves terabytes, a live-heap budget of
// the same size instead), runs `run`, writes the tables and the status to a pipe and _exit()s;
// the parent waits at most `seconds`. A crash,
// a hang, exhaustion or a garbled answer is an error for this one file, never for the scan.
// The child runs only `run` (no other thread exists in it) and never returns to the caller.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table_view.h"

namespace cg {

inline constexpr size_t kIsolatedHeadroom = 64u << 20;
inline constexpr size_t kMaxIsolatedAnswer = 64u << 20;

struct NamedTable {
  std::string member;
  TableView table;
};

// `library` names the library in error messages ("FreeXL"); `input_bytes` sizes the limit.
Status ReadIsolated(const char* library, size_t input_bytes, int seconds,
                    const std::function<Status(std::vector<NamedTable>*)>& run, std::vector<NamedTable>* out);

}  // namespace cg
