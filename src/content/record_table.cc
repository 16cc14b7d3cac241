#include "content/record_table.h"

#include "content/table_sample.h"

namespace cg {

bool RecordTable::sample_full() const { return sample_.size() >= kMaxSampleRows; }

void RecordTable::Add(Record r) {
  ++count_;
  if (sample_full()) return;
  if (r.size() > kMaxColumns) r.resize(kMaxColumns);
  for (auto& [key, value] : r) {
    if (!index_.count(key) && header_.size() < kMaxColumns) {
      index_.emplace(key, header_.size());
      header_.push_back(key);
    }
  }
  sample_.push_back(std::move(r));
}

TableView RecordTable::Finish(const char* format) {
  TableView t;
  t.format = format;
  t.header = header_;
  for (Record& r : sample_) {
    std::vector<std::string> row(header_.size());
    std::vector<bool> set(header_.size(), false);
    for (auto& [k, v] : r) {
      auto it = index_.find(k);
      if (it == index_.end() || set[it->second]) continue;
      set[it->second] = true;
      row[it->second] = std::move(v);
    }
    AddSampleRow(t, std::move(row));
  }
  t.row_count = static_cast<int64_t>(count_);
  return t;
}

}  // namespace cg
