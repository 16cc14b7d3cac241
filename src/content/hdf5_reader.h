// Hdf5Reader: HDF5 files (.h5, .hdf5, pandas HDFStore in its fixed and table formats, h5py and
// PyTables datasets, MATLAB v7.3 .mat) as tables, read by libhdf5 from a memory file image.
//
// The file is opened with H5LTopen_file_image on the buffered bytes, read-only, without a copy;
// filter plugins are disabled (H5PLset_loading_state(0)), so only the built-in filters (deflate,
// shuffle, fletcher32, n-bit, scale-offset) decode data and no shared object is ever loaded.
// Only hard links are followed; datasets with external storage or virtual layouts, which would
// open other files, are not read and are reported. What becomes a table:
// - a compound dataset: one column per field (array fields give one column per element; names
//   for pandas' values_block_N fields come from the table's pickled <field>_kind attribute,
//   decoded by the pickle machine, which executes nothing);
// - the other datasets of one group: 1-D datasets (and (1, n) MATLAB vectors) and 2-D (n, k)
//   ones whose row count is the group's most common one form one table named after the group
//   (a pandas fixed-format frame: block values with the names in blockN_items, axis1 as the
//   index); datasets of other lengths are tables of their own;
// - a dataset of three or more axes: the (n, k) table of its first two axes, at index 0 of the
//   others (a participants x fields x visits tensor is a table of participants).
// Row counts are the datasets' extents; up to kStructuredSampleRows rows are read through a
// hyperslab (integers, floats, fixed and variable strings, enums), never the whole dataset, and
// not at all when a chunk would decode to more than kMaxHdf5Chunk bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/content_reader.h"
#include "core/table_view.h"

namespace cg {

inline constexpr uint64_t kMaxHdf5Chunk = 16u << 20;
inline constexpr size_t kMaxHdf5Objects = 20000;
inline constexpr int kHdf5Seconds = 60;  // per file, in the libhdf5 child

class Hdf5Reader : public ContentReader {
 public:
  const char* name() const override { return "hdf5"; }
  const char* summary() const override {
    return "HDF5 (pandas HDFStore fixed/table, h5py, PyTables): datasets and compound tables as columns, "
           "row counts and sampled rows (libhdf5, memory image, no plugins)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kHdf5; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

struct Hdf5Table {
  std::string member;  // dataset or group path without the leading '/'; "" for the root group
  TableView table;
};

// The tables of the HDF5 file in `data` (which may start with a user block, as MATLAB v7.3
// files do). Tables read before an error are kept. `format` goes into each TableView. Runs
// libhdf5 in an isolated child process (content/isolated_reader.h).
Status ReadHdf5Tables(std::string_view data, const char* format, std::vector<Hdf5Table>* tables);
// The same read in this process: what the child runs (and tests of libhdf5's settings).
Status ReadHdf5TablesInProcess(std::string_view data, const char* format, std::vector<Hdf5Table>* tables);

}  // namespace cg
