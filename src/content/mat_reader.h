// MatReader: MATLAB .mat files as tables. Version 7.3 files are HDF5 behind a 512-byte user
// block and go through the HDF5 reader (content/hdf5_reader). Version 5 files (scipy.io.savemat,
// MATLAB -v6/-v7, Octave -mat, compressed or not) are read by matio, which opens only paths, so
// the bytes are handed to it as an anonymous memory file (content/memory_file): nothing is
// written to disk, and matio decodes only data (no MATLAB class or function is run). matio runs
// in an isolated child process (content/isolated_reader): its crash is an error for the file.
// What becomes a table, one per variable (the member is the variable's name):
// - a 1x1 struct whose fields are vectors (or char rows, or cell arrays of strings) of one
//   length: the fields are the columns;
// - a 1xN or Nx1 struct array: the fields are the columns, one row per element (scalar, string);
// - a 2-D numeric matrix: one column per matrix column (name(:,j)), one row per row.
// Up to kStructuredSampleRows rows are sampled. A variable whose data would take more than
// kMaxMatVariableBytes is counted from its dimensions but not sampled. MATLAB table/timetable
// objects are opaque (MCOS) data matio cannot decode: they are listed as not read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/content_reader.h"
#include "core/table_view.h"

namespace cg {

inline constexpr uint64_t kMaxMatVariableBytes = 64u << 20;
inline constexpr int kMatSeconds = 60;  // per file, in the matio child

class MatReader : public ContentReader {
 public:
  const char* name() const override { return "mat"; }
  const char* summary() const override {
    return "MATLAB .mat v5 (matio, from a memory file) and v7.3 (libhdf5): structs and matrices as columns, rows, sample";
  }
  bool Accepts(FileType type) const override { return type == FileType::kMat; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

struct MatTable {
  std::string member;
  TableView table;
};

// The tables of the .mat file in `data`. Tables read before an error are kept.
Status ReadMatTables(std::string_view data, std::vector<MatTable>* tables);

}  // namespace cg
