// ContentReader: turns one Document into the Documents inside it (decompressed stream, archive
// members, sheets, notebook outputs, parsed tables). Readers live in a registry table
// (content/reader_registry) that drives dispatch, `--help` and tests alike.
//
// Readers never touch the file system or git, never write to disk, and respect ContentLimits.
// A reader may call `emit` any number of times; each child must be fully consumed by `emit`
// before the reader produces the next (streams are forward-only). An error a child's stream
// returns from Read() is the consumer's to report (it knows the child's origin); the reader
// only stops early when it must.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "content/file_type.h"
#include "core/document.h"
#include "core/status.h"

namespace cg {

struct ContentLimits {
  int max_depth = 4;                             // nesting of containers
  uint64_t max_total_bytes = 4ull << 30;         // decompressed bytes per item
  double max_ratio = 200.0;                      // decompressed / compressed, for bomb detection
  uint64_t ratio_min_bytes = 64ull << 20;        // ratio is only judged past this much output
  uint64_t max_members = 100000;                 // per archive
  uint64_t max_line_length = 16ull << 20;        // longer lines are not parsed as table rows
  // What a reader may hold in memory at once (a 7z archive, a database, a JSON array, a VCF
  // header): --max-file-size. Streams are never held; past this a reader refuses with an error.
  uint64_t max_held_bytes = 256ull << 20;
};

// Per-item accounting shared by every reader working on one item.
struct ContentBudget {
  uint64_t decompressed_bytes = 0;
  // Set when a size or ratio limit tripped anywhere in the item (content/inflation_guard):
  // container readers stop walking the item then, so a bomb nested in an archive ends it.
  bool limit_hit = false;
  bool bomb_suspected = false;  // the ratio limit was hit: the engine reports a finding of its own
  bool bomb_reported = false;
};

using EmitFn = std::function<Status(Document& child)>;

class ContentReader {
 public:
  virtual ~ContentReader() = default;
  virtual const char* name() const = 0;      // e.g. "gzip", "zip", "xlsx"
  virtual const char* summary() const = 0;   // one line for `rules list` / help
  virtual bool Accepts(FileType type) const = 0;
  // Expands `doc`. Errors that lose part of the content are returned (the engine reports them
  // and keeps whatever was emitted before).
  virtual Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                        const EmitFn& emit) = 0;
};

}  // namespace cg
