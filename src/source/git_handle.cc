#include "source/git_handle.h"

#include <mutex>

namespace cg {

void EnsureLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

}  // namespace cg
