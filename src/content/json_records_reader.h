// JSON records as tables: JSON lines (one flat object per line; streamed, so a 5 GB .jsonl is
// counted without being held) and JSON arrays of flat objects (parsed whole, up to
// kMaxJsonArrayBytes). The keys, in order of first appearance over the sampled records, are the
// header; nested values are kept as compact JSON text. A JSON file that is neither (a config, a
// single object, an array of numbers) yields no table and no error.
// Parsing is simdjson (Debian libsimdjson-dev): fast, no exceptions needed, strict about input.
#pragma once

#include <cstdint>

#include "content/content_reader.h"

namespace cg {

inline constexpr uint64_t kMaxJsonArrayBytes = 128ull << 20;

class JsonRecordsReader : public ContentReader {
 public:
  const char* name() const override { return "json-records"; }
  const char* summary() const override {
    return "JSON lines and JSON arrays of flat records as tables (simdjson); lines are streamed";
  }
  bool Accepts(FileType type) const override { return type == FileType::kJson; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget, const EmitFn& emit) override;
};

}  // namespace cg
