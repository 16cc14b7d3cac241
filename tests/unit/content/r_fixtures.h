// A small writer for R's XDR serialization format, for the .rds/.RData reader tests and fuzz
// seeds (R itself is not needed). Follows the layout of R's serialize.c: flags word (type, object
// bit, attribute bit, tag bit), symbols entered in a reference table on first use and written as
// references afterwards, compact row.names c(NA, -n).
#pragma once

#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace cg::testing {

class RWriter {
 public:
  // kind: "rds" starts with "X\n"; "rdata" with "RDX3\nX\n".
  explicit RWriter(const std::string& kind = "rds") {
    if (kind == "rdata") out_ += "RDX3\n";
    out_ += "X\n";
    Int(3);
    Int(0x040202);  // written by R 4.2.2
    Int(0x030500);  // readable by R >= 3.5.0
    Int(5);
    out_ += "UTF-8";
  }
  const std::string& bytes() const { return out_; }

  void Int(int32_t v) {
    uint32_t u = static_cast<uint32_t>(v);
    for (int s = 24; s >= 0; s -= 8) out_.push_back(static_cast<char>((u >> s) & 0xff));
  }
  void Real(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int s = 56; s >= 0; s -= 8) out_.push_back(static_cast<char>((bits >> s) & 0xff));
  }
  void Flags(int type, bool object = false, bool attr = false, bool tag = false, int levels = 0) {
    Int(type | (object ? 1 << 8 : 0) | (attr ? 1 << 9 : 0) | (tag ? 1 << 10 : 0) | (levels << 12));
  }
  void Nil() { Int(254); }
  void Char(const std::string& s) {
    Flags(9, false, false, false, 64);  // ASCII_MASK
    Int(static_cast<int32_t>(s.size()));
    out_ += s;
  }
  void Symbol(const std::string& name) {
    auto it = symbols_.find(name);
    if (it != symbols_.end()) {
      Int((it->second << 8) | 255);  // REFSXP, index packed in the flags
      return;
    }
    symbols_[name] = ++refs_;
    Flags(1);
    Char(name);
  }
  void Strings(const std::vector<std::string>& v, bool attr = false) {
    Flags(16, false, attr);
    Int(static_cast<int32_t>(v.size()));
    for (const auto& s : v) Char(s);
  }
  void Ints(const std::vector<int32_t>& v, bool object = false, bool attr = false) {
    Flags(13, object, attr);
    Int(static_cast<int32_t>(v.size()));
    for (int32_t x : v) Int(x);
  }
  void Reals(const std::vector<double>& v) {
    Flags(14);
    Int(static_cast<int32_t>(v.size()));
    for (double x : v) Real(x);
  }
  // An integer column stored as ALTREP compact_intseq (what 1:n and seq_len(n) save as).
  void CompactIntSeq(int32_t n, int32_t start) {
    Int(238);
    Flags(2);  // info: pairlist(class symbol, package symbol, type)
    Symbol("compact_intseq");
    Flags(2);
    Symbol("base");
    Flags(2);
    Ints({13});
    Nil();
    Reals({static_cast<double>(n), static_cast<double>(start), 1.0});
    Nil();  // no attributes
  }
  // A factor column: integer codes with levels and class attributes.
  void Factor(const std::vector<int32_t>& codes, const std::vector<std::string>& levels) {
    Ints(codes, true, true);
    Flags(2, false, false, true);
    Symbol("levels");
    Strings(levels);
    Flags(2, false, false, true);
    Symbol("class");
    Strings({"factor"});
    Nil();
  }
  // Begins a data frame of `ncol` columns; write the columns, then call EndDataFrame.
  void BeginDataFrame(int ncol) {
    Flags(19, true, true);
    Int(ncol);
  }
  void EndDataFrame(const std::vector<std::string>& names, int32_t nrow) {
    Flags(2, false, false, true);
    Symbol("names");
    Strings(names);
    Flags(2, false, false, true);
    Symbol("class");
    Strings({"tbl_df", "tbl", "data.frame"});
    Flags(2, false, false, true);
    Symbol("row.names");
    Ints({INT_MIN, -nrow});
    Nil();
  }
  // Begins a named list of `n` elements; write them, then EndNamedList.
  void BeginList(int n) {
    Flags(19, false, true);
    Int(n);
  }
  void EndNamedList(const std::vector<std::string>& names) {
    Flags(2, false, false, true);
    Symbol("names");
    Strings(names);
    Nil();
  }
  // .RData: each saved object is one tagged pairlist cell; finish with Nil().
  void SavedObject(const std::string& name) {
    Flags(2, false, false, true);
    Symbol(name);
  }

 private:
  std::string out_;
  std::map<std::string, int> symbols_;
  int refs_ = 0;
};

// The UK Biobank-style data frame used across the R tests: eid, sex (factor), year of birth,
// and a real-valued BMI field, `n` rows.
inline void WriteUkbFrame(RWriter& w, int n, bool compact_eid = false) {
  w.BeginDataFrame(4);
  std::vector<int32_t> eid, sex, year;
  std::vector<double> bmi;
  for (int i = 0; i < n; ++i) {
    eid.push_back(1000001 + i);
    sex.push_back(1 + i % 2);
    year.push_back(1940 + (i * 7) % 30);
    bmi.push_back(20.5 + (i % 10) * 0.25);
  }
  if (compact_eid)
    w.CompactIntSeq(n, 1000001);
  else
    w.Ints(eid);
  w.Factor(sex, {"Female", "Male"});
  w.Ints(year);
  w.Reals(bmi);
  w.EndDataFrame({"eid", "31-0.0", "34-0.0", "21001-0.0"}, n);
}

}  // namespace cg::testing
