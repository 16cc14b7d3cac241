// ArrowReader: an Arrow IPC file's (Feather v2) column names and row count.
//
// The file is buffered (bounded by ContentLimits::max_held_bytes) because the footer at its end
// points back at the record batches: field names come from the footer's Schema, and the row
// count is the sum of every RecordBatch message's length. Values are not decoded, so the
// TableView (format "arrow") has no sampled rows. Stateless; thread-safe.
#pragma once

#include <string_view>

#include "content/content_reader.h"

namespace cg {

class ArrowReader : public ContentReader {
 public:
  const char* name() const override { return "arrow"; }
  const char* summary() const override {
    return "Arrow IPC / Feather v2: column names and row count from the footer and batch headers";
  }
  bool Accepts(FileType type) const override { return type == FileType::kArrowIpc; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

// Parses a whole Arrow IPC file held in memory. Exposed for tests and the fuzzer.
Expected<TableView> ParseArrowFile(std::string_view file);

}  // namespace cg
