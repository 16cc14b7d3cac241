// Deterministic fixture generators for the structured-reader tests and fuzz seeds: a small
// UK Biobank-style table written as Stata, SPSS and SAS files with ReadStat's own writer, all in
// memory. Values are synthetic (eids counting up from 1000001, fixed sexes and birth years).
#pragma once

#include <readstat.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cg::testing {

// A table of `rows` synthetic participants: an id column then integer fields.
struct UkbTable {
  std::vector<std::string> header;
  std::vector<std::vector<int32_t>> rows;
};

inline UkbTable MakeUkbTable(const std::vector<std::string>& header, int rows) {
  UkbTable t;
  t.header = header;
  for (int r = 0; r < rows; ++r) {
    std::vector<int32_t> row;
    row.push_back(1000001 + r);                                    // eid
    for (size_t c = 1; c < header.size(); ++c)
      row.push_back(c == 1 ? r % 2 : 1940 + (r * 7 + static_cast<int>(c)) % 30);  // sex, year...
    t.rows.push_back(row);
  }
  return t;
}

inline ssize_t AppendToString(const void* data, size_t len, void* ctx) {
  static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), len);
  return static_cast<ssize_t>(len);
}

enum class StatsFormat { kDta, kSav, kSas7bdat, kXpt };

// Writes `t` in `format`; returns "" when ReadStat refuses (the test then fails loudly).
inline std::string WriteStatsFile(StatsFormat format, const UkbTable& t) {
  std::string out;
  readstat_writer_t* w = readstat_writer_init();
  readstat_set_data_writer(w, AppendToString);
  readstat_writer_set_file_timestamp(w, 1700000000);  // deterministic bytes
  std::vector<readstat_variable_t*> vars;
  const bool sas = format == StatsFormat::kSas7bdat || format == StatsFormat::kXpt;  // numbers are doubles
  for (const auto& name : t.header) {
    readstat_type_t type = sas ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_INT32;
    vars.push_back(readstat_add_variable(w, name.c_str(), type, 0));
  }
  long n = static_cast<long>(t.rows.size());
  readstat_error_t err = format == StatsFormat::kDta   ? readstat_begin_writing_dta(w, &out, n)
                         : format == StatsFormat::kSav ? readstat_begin_writing_sav(w, &out, n)
                         : format == StatsFormat::kXpt ? readstat_begin_writing_xport(w, &out, n)
                                                       : readstat_begin_writing_sas7bdat(w, &out, n);
  for (const auto& row : t.rows) {
    if (err != READSTAT_OK) break;
    err = readstat_begin_row(w);
    for (size_t c = 0; c < row.size() && err == READSTAT_OK; ++c)
      err = sas ? readstat_insert_double_value(w, vars[c], row[c])
                : readstat_insert_int32_value(w, vars[c], row[c]);
    if (err == READSTAT_OK) err = readstat_end_row(w);
  }
  if (err == READSTAT_OK) err = readstat_end_writing(w);
  readstat_writer_free(w);
  return err == READSTAT_OK ? out : std::string();
}

}  // namespace cg::testing
