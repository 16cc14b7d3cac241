// IdColumnCounter: exact id matches for one table, over every row, not just the sample.
//
// The participant detector sees a bounded sample of rows; attribution needs the id column of
// every row. The counter picks the id column from the sample (the column with the most cells
// found in any loaded IdSet; none found: inactive, costs nothing more), then the document
// analyzer feeds it the document's bytes as it streams them. Each row's id cell is hashed and
// looked up; a bitset per set (one bit per set entry) records which ids were seen, so counts are
// of distinct ids and memory is bounded by the sets, never by the table. Ids are never stored
// or printed: only counts and set labels leave the counter.
//
// Rows are split on newlines (a quoted newline inside a row is read as a row break; id columns
// do not hold newlines). Not thread-safe: one counter per document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/scan_result.h"
#include "core/table_view.h"
#include "detect/id_set.h"

namespace cg {

class IdColumnCounter {
 public:
  IdColumnCounter(const IdSetCollection& sets, const TableView& sample);
  // False when no sampled cell is in any set: Feed() then does nothing.
  bool active() const { return column_ >= 0; }
  int column() const { return column_; }

  // The document's bytes from its first byte (the header is skipped), in pieces.
  void Feed(std::string_view chunk);
  void Finish();
  // For structured tables that come parsed: counts the given rows only.
  void CountRows(const std::vector<std::vector<std::string>>& rows);

  // Sets with at least one id found, most matched first.
  std::vector<IdSetMatch> Matches() const;
  uint64_t values_checked() const { return checked_; }
  uint64_t values_matched() const { return hits_; }

 private:
  void Line(std::string_view line);
  void Cell(std::string_view cell);

  const IdSetCollection& sets_;
  IdHasher hasher_;
  char delimiter_;
  bool skip_header_;
  int column_ = -1;
  std::vector<std::vector<uint64_t>> seen_;  // per set, one bit per entry
  std::string carry_;
  bool overlong_ = false;
  bool first_chunk_ = true;
  uint64_t checked_ = 0;
  uint64_t hits_ = 0;  // cells found in some set (not distinct)
};

// Adds what `counter` found to the finding the detector made for this table (out.findings from
// index `first_new` on): set label and "matched N of M ids of LABEL" in the message and the
// evidence, severity raised to high once kMinIdMatches ids matched. When the detector did not
// flag the table but most checked cells are ids of a set, adds an "idset.match" finding.
void ApplyIdSetMatches(const IdColumnCounter& counter, const TableView& table, const Origin& origin,
                       size_t first_new, ResultCollector& out);

constexpr uint64_t kMinIdMatches = 10;

}  // namespace cg
