#include "content/genotype_matrix.h"

namespace cg {

TableView GenotypeMatrixTable(const char* format, int64_t people, std::vector<std::string> sample_ids) {
  TableView t;
  t.format = format;
  t.row_count = people;
  t.has_header = !sample_ids.empty();
  if (t.has_header) t.header = {"sample_id"};
  t.rows.reserve(sample_ids.size());
  for (auto& id : sample_ids) t.rows.push_back({std::move(id)});
  return t;
}

Expected<std::string> ReadUpTo(Document& doc, size_t n) {
  std::string out(n, '\0');
  size_t got = 0;
  while (got < n) {
    auto r = doc.Read(out.data() + got, n - got);
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    got += *r;
  }
  out.resize(got);
  return out;
}

uint32_t LittleEndian32(std::string_view bytes, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<size_t>(i)]);
  return v;
}

}  // namespace cg
