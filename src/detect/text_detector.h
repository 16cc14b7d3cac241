// TextDetector: a detector that reads the text of a document line by line (secrets, inline
// markers). The engine hands it line-aligned chunks of the whole stream, in order.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/finding.h"
#include "core/scan_result.h"

namespace cg {

class TextDetector {
 public:
  virtual ~TextDetector() = default;
  virtual const char* name() const = 0;
  // `lines` holds whole lines (the last may lack its newline at end of stream); `first_line` is
  // the 1-based number of its first line. Findings go into `out`.
  virtual void ScanLines(std::string_view lines, int64_t first_line, const Origin& origin,
                         ResultCollector& out) const = 0;
};

}  // namespace cg
