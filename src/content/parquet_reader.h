// ParquetReader: a Parquet file's column names and row count, from its footer.
//
// The footer (FileMetaData, Thrift compact protocol) is at the end of the file, so the stream is
// read through while only its last kMaxParquetFooter bytes are kept; a 10 GB file costs one pass
// and a bounded buffer. Column names are the top-level fields of the schema; num_rows is the row
// count. Values are not decoded, so the TableView (format "parquet") has no sampled rows.
// Stateless; thread-safe.
#pragma once

#include <string_view>

#include "content/content_reader.h"

namespace cg {

inline constexpr size_t kMaxParquetFooter = 64u << 20;

class ParquetReader : public ContentReader {
 public:
  const char* name() const override { return "parquet"; }
  const char* summary() const override { return "Parquet: column names and row count from the footer"; }
  bool Accepts(FileType type) const override { return type == FileType::kParquet; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

// Parses the end of a Parquet file (`tail` ends with the footer, its length and "PAR1").
// Exposed for tests and the fuzzer.
Expected<TableView> ParseParquetTail(std::string_view tail);

}  // namespace cg
