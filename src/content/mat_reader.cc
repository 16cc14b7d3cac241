#include "content/mat_reader.h"

#include <matio.h>

#include <cstring>
#include <memory>

#include "content/hdf5_reader.h"
#include "content/isolated_reader.h"
#include "content/memory_file.h"
#include "content/structured_input.h"
#include "content/table_sample.h"

namespace cg {
namespace {

thread_local std::string t_last_message;

// matio's default logger prints to stderr and aborts on errors; this one only keeps the text.
// A template, since the message is `char*` in Debian 12's matio (1.5.23) and `const char*` in
// Debian 13's (1.5.28): Mat_LogInitFunc's parameter type picks the instance.
template <typename Message>
void KeepMessage(int /*level*/, Message message) {
  t_last_message = message ? message : "";
}

struct MatCloser {
  void operator()(mat_t* m) const { Mat_Close(m); }
};
struct VarFree {
  void operator()(matvar_t* v) const { Mat_VarFree(v); }
};
using Var = std::unique_ptr<matvar_t, VarFree>;

size_t Rows(const matvar_t* v) { return v->rank >= 1 ? v->dims[0] : 0; }
size_t Cols(const matvar_t* v) {
  size_t n = 1;
  for (int i = 1; i < v->rank; ++i) n *= v->dims[i];
  return v->rank >= 2 ? n : 1;
}
size_t Elements(const matvar_t* v) { return Rows(v) * Cols(v); }
bool IsVector(const matvar_t* v) { return v->rank == 2 && (v->dims[0] == 1 || v->dims[1] == 1); }
size_t Length(const matvar_t* v) { return IsVector(v) ? Elements(v) : Rows(v); }

bool IsNumeric(const matvar_t* v) { return v->class_type >= MAT_C_DOUBLE && v->class_type <= MAT_C_UINT64; }

// Element `i` (column-major) of a real numeric array.
std::string Number(const matvar_t* v, size_t i) {
  if (!v->data || v->isComplex || i >= Elements(v)) return "";
  const void* d = v->data;
  switch (v->class_type) {
    case MAT_C_DOUBLE: return FormatSampleNumber(static_cast<const double*>(d)[i]);
    case MAT_C_SINGLE: return FormatSampleFloat(static_cast<const float*>(d)[i]);
    case MAT_C_INT8: return std::to_string(static_cast<const int8_t*>(d)[i]);
    case MAT_C_UINT8: return v->isLogical ? (static_cast<const uint8_t*>(d)[i] ? "1" : "0")
                                          : std::to_string(static_cast<const uint8_t*>(d)[i]);
    case MAT_C_INT16: return std::to_string(static_cast<const int16_t*>(d)[i]);
    case MAT_C_UINT16: return std::to_string(static_cast<const uint16_t*>(d)[i]);
    case MAT_C_INT32: return std::to_string(static_cast<const int32_t*>(d)[i]);
    case MAT_C_UINT32: return std::to_string(static_cast<const uint32_t*>(d)[i]);
    case MAT_C_INT64: return std::to_string(static_cast<const int64_t*>(d)[i]);
    case MAT_C_UINT64: return std::to_string(static_cast<const uint64_t*>(d)[i]);
    default: return "";
  }
}

// Row `r` of a char matrix (all of it when it is one row), as UTF-8 (code units below 0x800).
std::string CharRow(const matvar_t* v, size_t r, bool whole) {
  if (!v->data || v->class_type != MAT_C_CHAR) return "";
  size_t rows = Rows(v), cols = Cols(v);
  std::string out;
  auto unit = [&](size_t i) -> unsigned {
    switch (v->data_size) {
      case 1: return static_cast<const uint8_t*>(v->data)[i];
      case 2: return static_cast<const uint16_t*>(v->data)[i];
      case 4: return static_cast<const uint32_t*>(v->data)[i];
      default: return 0;
    }
  };
  size_t n = whole ? rows * cols : cols;
  for (size_t j = 0; j < n && out.size() < kMaxCellBytes; ++j) {
    unsigned c = unit(whole ? j : r + j * rows);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += static_cast<char>(0xc0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3f));
    else out += '?';
  }
  return CellText(out);
}

// Element `i` of a column-like field: a number, a char row, or a cell holding a string/number.
std::string Cell(matvar_t* v, size_t i) {
  if (IsNumeric(v)) return Number(v, i);
  if (v->class_type == MAT_C_CHAR) return IsVector(v) && Rows(v) == 1 ? (i == 0 ? CharRow(v, 0, true) : "") : CharRow(v, i, false);
  if (v->class_type == MAT_C_CELL && i < Elements(v)) {
    matvar_t* c = Mat_VarGetCell(v, static_cast<int>(i));
    if (!c) return "";
    if (c->class_type == MAT_C_CHAR) return CharRow(c, 0, true);
    if (IsNumeric(c)) return Number(c, 0);
  }
  return "";
}

// A 1x1 struct of equally long fields, or a struct array with one row per element.
bool StructTable(matvar_t* v, TableView* t) {
  unsigned nfields = Mat_VarGetNumberOfFields(v);
  char* const* names = Mat_VarGetStructFieldnames(v);
  if (nfields == 0 || !names) return false;
  for (unsigned f = 0; f < nfields && f < kMaxColumns; ++f) t->header.push_back(names[f] ? names[f] : "");
  const size_t n = Elements(v);
  if (n == 1) {
    size_t length = 0;
    for (unsigned f = 0; f < t->header.size(); ++f) {
      matvar_t* field = Mat_VarGetStructFieldByIndex(v, f, 0);
      if (field) length = std::max(length, Length(field));
    }
    t->row_count = static_cast<int64_t>(length);
    for (size_t r = 0; r < length && r < kStructuredSampleRows; ++r) {
      std::vector<std::string> row;
      for (unsigned f = 0; f < t->header.size(); ++f) {
        matvar_t* field = Mat_VarGetStructFieldByIndex(v, f, 0);
        row.push_back(field && Length(field) == length ? Cell(field, r) : "");
      }
      t->rows.push_back(std::move(row));
    }
    return true;
  }
  t->row_count = static_cast<int64_t>(n);
  for (size_t r = 0; r < n && r < kStructuredSampleRows; ++r) {
    std::vector<std::string> row;
    for (unsigned f = 0; f < t->header.size(); ++f) {
      matvar_t* field = Mat_VarGetStructFieldByIndex(v, f, r);
      row.push_back(field ? Cell(field, 0) : "");
    }
    t->rows.push_back(std::move(row));
  }
  return true;
}

bool MatrixTable(matvar_t* v, TableView* t) {
  if (v->rank != 2 || v->isComplex) return false;
  const size_t rows = Rows(v), cols = std::min<size_t>(Cols(v), kMaxColumns);
  std::string name = v->name ? v->name : "";
  for (size_t j = 0; j < cols; ++j) t->header.push_back(cols == 1 ? name : name + "(:," + std::to_string(j + 1) + ")");
  t->row_count = static_cast<int64_t>(rows);
  for (size_t r = 0; r < rows && r < kStructuredSampleRows; ++r) {
    std::vector<std::string> row;
    for (size_t j = 0; j < cols; ++j) row.push_back(Number(v, r + j * rows));
    t->rows.push_back(std::move(row));
  }
  return true;
}

Status ReadVersion5(std::string_view data, std::vector<MatTable>* tables) {
  static const bool logger = [] { return Mat_LogInitFunc("cohortguard", KeepMessage) == 0; }();
  (void)logger;
  MemoryFile file;
  if (Status s = file.Open(data, "cohortguard-mat"); !s.ok()) return s;
  std::unique_ptr<mat_t, MatCloser> mat(Mat_Open(file.path().c_str(), MAT_ACC_RDONLY));
  if (!mat) return Status::Corrupt("malformed MATLAB .mat file: matio cannot open it" +
                                   (t_last_message.empty() ? std::string() : " (" + t_last_message + ")"));
  Status problem;
  for (size_t count = 0;; ++count) {
    t_last_message.clear();
    Var info(Mat_VarReadNextInfo(mat.get()));
    if (!info) break;
    if (count >= 100000) return Status::LimitExceeded("MATLAB .mat file with more than 100000 variables: the rest were not read");
    std::string name = info->name ? info->name : "";
    if (info->class_type == MAT_C_OBJECT || info->class_type == MAT_C_OPAQUE || info->class_type == MAT_C_FUNCTION) {
      if (problem.ok())
        // matio does not read the names of opaque (MCOS) variables.
        problem = Status::Unsupported("MATLAB .mat variable " + (name.empty() ? std::string("(unnamed)") : "'" + name + "'") +
                                      " is a MATLAB object (a table or class instance), which matio cannot decode: not read");
      continue;
    }
    if (info->class_type != MAT_C_STRUCT && !IsNumeric(info.get())) continue;  // cells, chars, sparse
    if (name.empty()) continue;  // MATLAB's hidden __function_workspace__ (the objects' data), no table
    MatTable out{name, {}};
    out.table.format = "mat";
    if (Mat_VarGetSize(info.get()) > kMaxMatVariableBytes) {
      // Too large to hold: its shape is known without the data.
      if (info->class_type == MAT_C_STRUCT) {
        StructTable(info.get(), &out.table);
      } else {
        out.table.row_count = static_cast<int64_t>(Rows(info.get()));
        out.table.rows.clear();
      }
      out.table.rows.clear();
      if (problem.ok())
        problem = Status::LimitExceeded("MATLAB .mat variable '" + name + "' is larger than " +
                                        std::to_string(kMaxMatVariableBytes >> 20) + " MiB: its values were not sampled");
      tables->push_back(std::move(out));
      continue;
    }
    Var full(Mat_VarRead(mat.get(), name.c_str()));
    if (!full) {
      return Status::Corrupt("malformed MATLAB .mat file: variable '" + name + "' cannot be read" +
                             (t_last_message.empty() ? std::string() : " (" + t_last_message + ")"));
    }
    bool ok = full->class_type == MAT_C_STRUCT ? StructTable(full.get(), &out.table) : MatrixTable(full.get(), &out.table);
    if (ok) tables->push_back(std::move(out));
  }
  if (!t_last_message.empty() && problem.ok())
    problem = Status::Corrupt("malformed MATLAB .mat file: " + t_last_message);
  return problem;
}

}  // namespace

Status ReadMatTables(std::string_view data, std::vector<MatTable>* tables) {
  if (data.size() < 128) return Status::Corrupt("malformed MATLAB .mat file: shorter than its 128-byte header");
  // Bytes 124-125: the version, in the byte order "IM"/"MI" at 126 gives. 0x0200 is v7.3 (HDF5).
  unsigned char lo = static_cast<unsigned char>(data[124]), hi = static_cast<unsigned char>(data[125]);
  unsigned version = data[126] == 'I' ? (hi << 8 | lo) : (lo << 8 | hi);
  if (version == 0x0200) {
    std::vector<Hdf5Table> h5;
    Status s = ReadHdf5Tables(data, "mat", &h5);
    for (auto& t : h5) tables->push_back({std::move(t.member), std::move(t.table)});
    return s;
  }
  // matio 1.5 is not safe on hostile input (fuzzing finds multi-GB allocations from forged
  // sizes): it runs in an isolated child process.
  std::vector<NamedTable> isolated;
  Status s = ReadIsolated("matio", data.size(), kMatSeconds, [&](std::vector<NamedTable>* out) {
    std::vector<MatTable> own;
    Status read = ReadVersion5(data, &own);
    for (auto& t : own) out->push_back({std::move(t.member), std::move(t.table)});
    return read;
  }, &isolated);
  for (auto& t : isolated) tables->push_back({std::move(t.member), std::move(t.table)});
  return s;
}

Status MatReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/, const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "MATLAB");
  if (!data.ok()) return data.status();
  std::vector<MatTable> tables;
  Status read = ReadMatTables(*data, &tables);
  for (auto& t : tables) {
    Document child = TableChild(doc, t.member, std::move(t.table));
    if (Status s = emit(child); !s.ok()) return s;
  }
  return read;
}

}  // namespace cg
