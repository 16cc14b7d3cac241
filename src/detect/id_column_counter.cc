#include "detect/id_column_counter.h"

#include <algorithm>

#include "detect/table_sniffer.h"

namespace cg {
namespace {

constexpr size_t kMaxLine = 1 << 20;

std::string_view Field(std::string_view line, char d, int column, std::string* scratch) {
  if (d != ' ' && line.find('"') == std::string_view::npos) {
    size_t start = 0;
    for (int i = 0; i < column; ++i) {
      size_t p = line.find(d, start);
      if (p == std::string_view::npos) return {};
      start = p + 1;
    }
    size_t end = line.find(d, start);
    return line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  }
  std::vector<std::string> fields = SplitRecord(line, d);
  if (column >= static_cast<int>(fields.size())) return {};
  *scratch = std::move(fields[static_cast<size_t>(column)]);
  return *scratch;
}

}  // namespace

IdColumnCounter::IdColumnCounter(const IdSetCollection& sets, const TableView& sample)
    : sets_(sets), hasher_(sets.key()), delimiter_(sample.delimiter ? sample.delimiter : ','),
      skip_header_(sample.has_header && !sample.header.empty()) {
  std::vector<int> hits;
  for (const auto& row : sample.rows) {
    if (hits.size() < row.size()) hits.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) {
      uint64_t h = hasher_.Hash(row[c]);
      for (const auto& s : sets_.sets())
        if (s.Find(h) >= 0) {
          ++hits[c];
          break;
        }
    }
  }
  int best = 0;
  for (size_t c = 0; c < hits.size(); ++c)
    if (hits[c] > best) {
      best = hits[c];
      column_ = static_cast<int>(c);
    }
  if (active())
    for (const auto& s : sets_.sets()) seen_.emplace_back((s.size() + 63) / 64, 0);
}

void IdColumnCounter::Cell(std::string_view cell) {
  if (NormaliseId(cell).empty()) return;
  ++checked_;
  const uint64_t h = hasher_.Hash(cell);
  bool hit = false;
  for (size_t i = 0; i < sets_.sets().size(); ++i) {
    int64_t pos = sets_.sets()[i].Find(h);
    if (pos < 0) continue;
    seen_[i][static_cast<size_t>(pos) / 64] |= uint64_t{1} << (pos % 64);
    hit = true;
  }
  hits_ += hit;
}

void IdColumnCounter::Line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;
  if (skip_header_) {
    skip_header_ = false;
    return;
  }
  std::string scratch;
  Cell(Field(line, delimiter_, column_, &scratch));
}

void IdColumnCounter::Feed(std::string_view chunk) {
  if (!active()) return;
  if (first_chunk_) {
    first_chunk_ = false;
    if (chunk.substr(0, 3) == "\xEF\xBB\xBF") chunk.remove_prefix(3);
  }
  while (!chunk.empty()) {
    size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      if (!overlong_ && carry_.size() + chunk.size() <= kMaxLine) carry_.append(chunk);
      else overlong_ = true;  // not a table row: drop it, bounded memory
      return;
    }
    if (carry_.empty() && !overlong_) {
      Line(chunk.substr(0, nl));
    } else if (!overlong_ && carry_.size() + nl <= kMaxLine) {
      carry_.append(chunk.substr(0, nl));
      Line(carry_);
    }
    carry_.clear();
    overlong_ = false;
    chunk.remove_prefix(nl + 1);
  }
}

void IdColumnCounter::Finish() {
  if (!carry_.empty() && !overlong_) Line(carry_);
  carry_.clear();
}

void IdColumnCounter::CountRows(const std::vector<std::vector<std::string>>& rows) {
  if (!active()) return;
  for (const auto& row : rows)
    if (column_ < static_cast<int>(row.size())) Cell(row[static_cast<size_t>(column_)]);
}

std::vector<IdSetMatch> IdColumnCounter::Matches() const {
  std::vector<IdSetMatch> out;
  for (size_t i = 0; i < seen_.size(); ++i) {
    uint64_t n = 0;
    for (uint64_t w : seen_[i]) n += static_cast<uint64_t>(__builtin_popcountll(w));
    if (n > 0) out.push_back({sets_.sets()[i].label(), n, sets_.sets()[i].size()});
  }
  std::stable_sort(out.begin(), out.end(), [](const IdSetMatch& a, const IdSetMatch& b) { return a.matched > b.matched; });
  return out;
}

void ApplyIdSetMatches(const IdColumnCounter& counter, const TableView& table, const Origin& origin,
                       size_t first_new, ResultCollector& out) {
  std::vector<IdSetMatch> matches = counter.Matches();
  if (matches.empty()) return;
  Finding* f = nullptr;
  for (size_t i = first_new; i < out.findings.size(); ++i)
    if (out.findings[i].category == "participant-data") f = &out.findings[i];
  const bool mostly_ids = counter.values_matched() * 2 >= counter.values_checked();
  if (!f) {
    if (matches[0].matched < kMinIdMatches || !mostly_ids) return;
    Finding nf;
    nf.rule = "idset.match";
    nf.category = "participant-data";
    nf.origin = origin;
    nf.rows = table.row_count;
    nf.rows_estimated = table.row_count_estimated;
    nf.columns = table.header;
    nf.message = "Participant ids of a registered id set";
    out.findings.push_back(std::move(nf));
    f = &out.findings.back();
  }
  if (f->id_column.empty() && counter.column() < static_cast<int>(table.header.size()))
    f->id_column = table.header[static_cast<size_t>(counter.column())];
  for (const auto& m : matches) {
    std::string what = "matched " + GroupThousands(m.matched) + " of " + GroupThousands(m.size) + " ids of " + m.label;
    f->message += "; " + what;
    f->evidence.push_back({"idset:" + m.label, what + " (" + GroupThousands(counter.values_checked()) +
                                                   " id cells checked)", 1.0});
  }
  if (matches[0].matched >= kMinIdMatches) {
    f->severity = Severity::kHigh;
    f->confidence = std::max(f->confidence, 0.99);
  }
}

}  // namespace cg
