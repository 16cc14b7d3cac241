// PickleReader: Python pickles (.pkl, .pickle; gzip/bz2/xz/zstd ones through the decompress
// readers) holding pandas DataFrames, read without unpickling.
//
// The opcodes are walked by PickleMachine, which executes nothing; this reader then recognises
// what pandas' to_pickle writes (pandas 1.x-2.x, protocols 2-5): a DataFrame whose state holds a
// BlockManager of numpy blocks and two axes. Column names come from the columns Index, the row
// count from the row index (RangeIndex start/stop/step or its length), and up to
// kStructuredSampleRows rows are sampled from numeric (int, uint, float, bool, datetime64[ns])
// and object (str, int, float) blocks; extension blocks (categorical, string, nullable) give
// empty cells. A row index that is not a RangeIndex is the first column, named after the index
// (or "index"). The pickled object may be the frame itself or a dict/list/tuple of frames (the
// member is the key path). A pickle that holds no frame is read and yields no table.
// Stateless; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/content_reader.h"
#include "core/table_view.h"

namespace cg {

class PickleReader : public ContentReader {
 public:
  const char* name() const override { return "pickle"; }
  const char* summary() const override {
    return "Python pickles of pandas DataFrames: columns, row count, index and sampled rows (own opcode walker, executes nothing)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kPickle; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

struct PickledFrame {
  std::string member;  // "" for a pickle that is one frame; the dict key path otherwise
  TableView table;
};

// The DataFrames in the pickle `data`. Exposed for tests and the fuzzer.
Status ReadPickledFrames(std::string_view data, std::vector<PickledFrame>* frames);

}  // namespace cg
