// RecordTable: a table built from records (key/value pairs) as a reader meets them, for readers
// whose rows do not share a fixed column list (JSON lines, FHIR resources, ODM subjects). Every
// record is counted, the first kMaxSampleRows are kept, and the header is the union of the kept
// records' keys in order of first appearance (at most kMaxColumns).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/table_view.h"

namespace cg {

using Record = std::vector<std::pair<std::string, std::string>>;

class RecordTable {
 public:
  // Counts `r` and keeps it while the sample is not full. A key met again in one record keeps
  // its first value.
  void Add(Record r);
  void CountOnly() { ++count_; }
  bool empty() const { return count_ == 0; }
  bool sample_full() const;
  uint64_t count() const { return count_; }

  TableView Finish(const char* format);

 private:
  std::vector<std::string> header_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<Record> sample_;
  uint64_t count_ = 0;
};

}  // namespace cg
