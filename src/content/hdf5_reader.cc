#include "content/hdf5_reader.h"

#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include "content/isolated_reader.h"
#include "content/pickle_machine.h"
#include "content/structured_input.h"
#include "content/table_sample.h"

namespace cg {
namespace {

constexpr size_t kMaxFixedString = 64 << 10;
constexpr size_t kMaxSampleBuffer = 32u << 20;

// An HDF5 identifier closed with its own close function.
template <herr_t (*Close)(hid_t)>
class Id {
 public:
  explicit Id(hid_t id = -1) : id_(id) {}
  Id(Id&& o) noexcept : id_(o.id_) { o.id_ = -1; }
  Id& operator=(Id&& o) noexcept {
    std::swap(id_, o.id_);
    return *this;
  }
  Id(const Id&) = delete;
  ~Id() {
    if (id_ >= 0) Close(id_);
  }
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
};
using File = Id<H5Fclose>;
using Object = Id<H5Oclose>;
using Space = Id<H5Sclose>;
using Type = Id<H5Tclose>;
using Attr = Id<H5Aclose>;
using Plist = Id<H5Pclose>;

// A string attribute (fixed or variable length) of `obj`, "" when absent or not a string.
std::string StringAttr(hid_t obj, const char* name) {
  if (H5Aexists(obj, name) <= 0) return "";
  Attr a(H5Aopen(obj, name, H5P_DEFAULT));
  if (!a.ok()) return "";
  Type t(H5Aget_type(a.get()));
  Space s(H5Aget_space(a.get()));
  if (H5Tget_class(t.get()) != H5T_STRING || H5Sget_simple_extent_npoints(s.get()) != 1) return "";
  if (H5Tis_variable_str(t.get()) > 0) {
    Type mem(H5Tcopy(H5T_C_S1));
    H5Tset_size(mem.get(), H5T_VARIABLE);
    char* p = nullptr;
    if (H5Aread(a.get(), mem.get(), &p) < 0 || !p) return "";
    std::string out(p);
    H5free_memory(p);
    return out;
  }
  size_t size = H5Tget_size(t.get());
  if (size == 0 || size > kMaxFixedString) return "";
  std::string out(size, '\0');
  if (H5Aread(a.get(), t.get(), out.data()) < 0) return "";
  out.resize(std::strlen(out.c_str()));
  return out;
}

// One value of a record, as it is laid out in the memory buffer a sample is read into.
struct Field {
  enum Kind { kInt, kUint, kFloat, kFloat32, kFixedString, kVarString, kEnum, kNone } kind = kNone;
  std::string name;
  size_t offset = 0;  // in the memory record
  size_t size = 0;    // of one element in memory
  size_t count = 1;   // elements (array fields)
};

// The memory type of a value of file type `ft` (kNone: not sampled, no memory taken).
Field::Kind MemoryKind(hid_t ft, hid_t* mem, size_t* size) {
  switch (H5Tget_class(ft)) {
    case H5T_INTEGER: {
      bool is_signed = H5Tget_sign(ft) != H5T_SGN_NONE;
      *mem = H5Tcopy(is_signed ? H5T_NATIVE_LLONG : H5T_NATIVE_ULLONG);
      *size = 8;
      return is_signed ? Field::kInt : Field::kUint;
    }
    case H5T_FLOAT:
      if (H5Tget_size(ft) <= 4) {
        *mem = H5Tcopy(H5T_NATIVE_FLOAT);
        *size = 4;
        return Field::kFloat32;
      }
      *mem = H5Tcopy(H5T_NATIVE_DOUBLE);
      *size = 8;
      return Field::kFloat;
    case H5T_STRING: {
      *mem = H5Tcopy(H5T_C_S1);
      if (H5Tis_variable_str(ft) > 0) {
        H5Tset_size(*mem, H5T_VARIABLE);
        H5Tset_cset(*mem, H5Tget_cset(ft));
        *size = sizeof(char*);
        return Field::kVarString;
      }
      size_t n = H5Tget_size(ft);
      if (n == 0 || n > kMaxFixedString) {
        H5Tclose(*mem);
        return Field::kNone;
      }
      H5Tset_size(*mem, n);
      H5Tset_cset(*mem, H5Tget_cset(ft));
      H5Tset_strpad(*mem, H5T_STR_NULLPAD);
      *size = n;
      return Field::kFixedString;
    }
    case H5T_ENUM: {  // h5py's bool, R/pandas factors: the integer code
      *mem = H5Tget_native_type(ft, H5T_DIR_ASCEND);
      *size = H5Tget_size(*mem);
      if (*size == 0 || *size > 8) {
        H5Tclose(*mem);
        return Field::kNone;
      }
      return Field::kEnum;
    }
    default: return Field::kNone;
  }
}

std::string FieldCell(const Field& f, const char* p) {
  switch (f.kind) {
    case Field::kInt: { long long v; std::memcpy(&v, p, 8); return std::to_string(v); }
    case Field::kUint: { unsigned long long v; std::memcpy(&v, p, 8); return std::to_string(v); }
    case Field::kFloat: { double v; std::memcpy(&v, p, 8); return FormatSampleNumber(v); }
    case Field::kFloat32: { float v; std::memcpy(&v, p, 4); return FormatSampleFloat(v); }
    case Field::kFixedString: return CellText(std::string_view(p, strnlen(p, f.size)));
    case Field::kVarString: { const char* s; std::memcpy(&s, p, sizeof s); return s ? CellText(s) : ""; }
    case Field::kEnum: {
      int64_t v = 0;
      std::memcpy(&v, p, f.size);
      if (f.size < 8 && (v >> (8 * f.size - 1)) & 1) v |= ~0ll << (8 * f.size);
      return std::to_string(v);
    }
    default: return "";
  }
}

// pandas' table format names the columns of values_block_N in the attribute
// values_block_N_kind, a protocol-0 pickle of a list of names.
std::vector<std::string> PickledNames(hid_t dset, const std::string& field) {
  std::string bytes = StringAttr(dset, (field + "_kind").c_str());
  std::vector<std::string> names;
  if (bytes.empty()) return names;
  PickleMachine m;
  if (!m.Run(bytes).ok()) return names;
  for (uint32_t item : m.items(m.root())) names.emplace_back(m.text(item));
  return names;
}

struct Dataset {
  std::string path;   // without the leading '/'
  std::string group;  // parent path
  std::string leaf;
  std::vector<hsize_t> dims;
  bool compound = false;
  bool unreadable_storage = false;  // external or virtual: would open other files
  int64_t rows() const {
    if (dims.size() == 2 && dims[0] == 1) return static_cast<int64_t>(dims[1]);  // MATLAB (1, n)
    return dims.empty() ? 0 : static_cast<int64_t>(dims[0]);
  }
};

struct Visit {
  std::vector<std::string> paths;
  bool truncated = false;
};

// An object's identity in its file: its header address (libhdf5 1.10) or token (1.12 and later).
std::string ObjectKey(hid_t group, const char* name) {
#if H5_VERSION_GE(1, 12, 0)
  H5O_info2_t info;
  if (H5Oget_info_by_name3(group, name, &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0 || info.type != H5O_TYPE_GROUP) return "";
  return std::string(reinterpret_cast<const char*>(&info.token), sizeof info.token);
#else
  H5O_info_t info;
  if (H5Oget_info_by_name2(group, name, &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0 || info.type != H5O_TYPE_GROUP) return "";
  return std::string(reinterpret_cast<const char*>(&info.addr), sizeof info.addr);
#endif
}

struct Members {
  std::vector<std::string> names;  // hard links only: soft and external links open nothing here
};

herr_t OnMember(hid_t /*group*/, const char* name, const H5L_info_t* info, void* data) {
  if (info->type == H5L_TYPE_HARD) static_cast<Members*>(data)->names.emplace_back(name);
  return static_cast<Members*>(data)->names.size() > kMaxHdf5Objects ? 1 : 0;
}

// Every object path under the root, breadth first, each group listed once by its identity.
// Not H5Lvisit: it recurses without a bound and remembers only objects with several links, so a
// damaged file whose group holds itself overflowed the stack (found by fuzzing). False when a
// group cannot be listed.
bool ListObjects(hid_t file, Visit* v) {
  std::set<std::string> seen{ObjectKey(file, "/")};
  std::deque<std::string> groups{""};
  while (!groups.empty()) {
    const std::string prefix = groups.front();
    groups.pop_front();
    Members m;
    if (H5Literate_by_name(file, prefix.empty() ? "/" : prefix.c_str(), H5_INDEX_NAME, H5_ITER_INC, nullptr, OnMember,
                           &m, H5P_DEFAULT) < 0)
      return false;
    for (const std::string& name : m.names) {
      if (v->paths.size() >= kMaxHdf5Objects) {
        v->truncated = true;
        return true;
      }
      std::string path = prefix.empty() ? name : prefix + "/" + name;
      const std::string key = ObjectKey(file, path.c_str());
      if (!key.empty() && seen.insert(key).second) groups.push_back(path);
      v->paths.push_back(std::move(path));
    }
  }
  return true;
}

bool Internal(const std::string& path) {
  // PyTables' index structures and MATLAB's reference stores hold no table of their own.
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    std::string part = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.rfind("_i_", 0) == 0 || part == "#refs#" || part == "#subsystem#") return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

class Reader {
 public:
  Reader(hid_t file, const char* format) : file_(file), format_(format) {}

  Status Run(std::vector<Hdf5Table>* out) {
    Visit visit;
    if (!ListObjects(file_, &visit))
      return Status::Corrupt("malformed HDF5 file: its group structure cannot be walked");
    std::map<std::string, std::vector<Dataset>> by_group;
    std::map<std::string, std::string> pandas_type;
    for (const auto& path : visit.paths) {
      if (Internal(path)) continue;
      Object o(H5Oopen(file_, path.c_str(), H5P_DEFAULT));
      if (!o.ok()) {
        Note("object '" + path + "' cannot be opened");
        continue;
      }
      if (H5Iget_type(o.get()) == H5I_GROUP) {
        pandas_type[path] = StringAttr(o.get(), "pandas_type");
        continue;
      }
      if (H5Iget_type(o.get()) != H5I_DATASET) continue;
      // MATLAB -v7.3 keeps an object (a `table`, a class instance) as references into
      // #subsystem#, marked MATLAB_object_decode: what the object holds is not decoded.
      if (H5Aexists(o.get(), "MATLAB_object_decode") > 0) {
        const std::string cls = StringAttr(o.get(), "MATLAB_class");
        if (problem_.ok())
          problem_ = Status::Unsupported("MATLAB .mat variable '" + path + "' is a MATLAB object (" +
                                         (cls.empty() ? std::string("a class instance") : "class " + cls) +
                                         ") in its MCOS store, which is not decoded: not read");
        continue;
      }
      Dataset d;
      d.path = path;
      size_t slash = path.rfind('/');
      d.group = slash == std::string::npos ? "" : path.substr(0, slash);
      d.leaf = slash == std::string::npos ? path : path.substr(slash + 1);
      Space space(H5Dget_space(o.get()));
      int rank = H5Sget_simple_extent_ndims(space.get());
      // A scalar is no table; a dataset of three or more axes (a participants x visits x measures
      // tensor) is read as the table of its first two axes, at index 0 of the others.
      if (rank < 1) continue;
      d.dims.resize(static_cast<size_t>(rank));
      H5Sget_simple_extent_dims(space.get(), d.dims.data(), nullptr);
      Type t(H5Dget_type(o.get()));
      d.compound = H5Tget_class(t.get()) == H5T_COMPOUND;
      Plist dcpl(H5Dget_create_plist(o.get()));
      d.unreadable_storage = H5Pget_external_count(dcpl.get()) > 0 || H5Pget_layout(dcpl.get()) == H5D_VIRTUAL;
      if (d.unreadable_storage) {
        Note("dataset '" + path + "' keeps its data in other files (external or virtual storage): not read");
        continue;
      }
      by_group[d.group].push_back(std::move(d));
    }
    for (auto& [group, sets] : by_group) {
      const bool pandas_fixed = pandas_type[group] == "frame";
      // The group's table: its most common row count among non-compound datasets.
      std::map<int64_t, int> lengths;
      for (const auto& d : sets)
        if (!d.compound && (!pandas_fixed || IsPandasData(d))) ++lengths[d.rows()];
      int64_t common = -1;
      int best = 0;
      for (auto [n, k] : lengths)
        if (k > best) best = k, common = n;
      Hdf5Table joined{group, {}};
      joined.table.format = format_;
      joined.table.row_count = common;
      for (const auto& d : sets) {
        if (pandas_fixed && !d.compound && !IsPandasData(d)) continue;  // axis0, blockN_items: the names
        if (d.compound || d.rows() != common) {
          Hdf5Table own{d.path, {}};
          own.table.format = format_;
          own.table.row_count = d.rows();
          AddColumns(d, sets, &own.table);
          out->push_back(std::move(own));
        } else {
          AddColumns(d, sets, &joined.table);
        }
      }
      if (best > 0) out->push_back(std::move(joined));
    }
    if (visit.truncated)
      Note("more than " + std::to_string(kMaxHdf5Objects) + " objects: the rest were not read");
    return problem_;
  }

 private:
  static bool IsPandasData(const Dataset& d) {
    return d.leaf == "axis1" || (d.leaf.rfind("block", 0) == 0 && d.leaf.size() > 7 &&
                                 d.leaf.compare(d.leaf.size() - 7, 7, "_values") == 0);
  }

  void Note(const std::string& what) {
    if (problem_.ok()) problem_ = Status::Unsupported("HDF5 file: " + what);
  }

  // Names for the k columns of a 2-D dataset: pandas' sibling blockN_items, else name[j].
  std::vector<std::string> MatrixNames(const Dataset& d, const std::vector<Dataset>& siblings, size_t k) {
    std::vector<std::string> names;
    if (d.leaf == "axis1") return {"index"};
    std::string stem = d.leaf.size() > 7 ? d.leaf.substr(0, d.leaf.size() - 7) : "";
    for (const auto& s : siblings)
      if (!stem.empty() && s.leaf == stem + "_items" && s.dims.size() == 1 && s.dims[0] == k) {
        TableView items;
        Sample(s, {}, &items, /*rows_as_cells=*/true);
        if (items.header.size() == k) return items.header;
      }
    if (k == 1 && d.dims.size() == 1) return {d.leaf};
    if (d.dims.size() == 2 && d.dims[0] == 1) return {d.leaf};
    for (size_t j = 0; j < k; ++j) names.push_back(d.leaf + "[" + std::to_string(j) + "]");
    return names;
  }

  // Elements of one row: the second axis, except for MATLAB's (1, n) vectors.
  static size_t PerRow(const Dataset& d) {
    if (d.dims.size() < 2 || (d.dims.size() == 2 && d.dims[0] == 1)) return 1;
    return std::min<size_t>(static_cast<size_t>(d.dims[1]), kMaxColumns);
  }

  void AddColumns(const Dataset& d, const std::vector<Dataset>& siblings, TableView* t) {
    size_t per_row = PerRow(d);
    std::vector<std::string> names = d.compound ? std::vector<std::string>() : MatrixNames(d, siblings, per_row);
    Sample(d, names, t, false);
  }

  // Appends the columns of `d` to `t` (header and up to kStructuredSampleRows sampled rows). With
  // `rows_as_cells`, the dataset's values become `t`'s header instead (a vector of names).
  void Sample(const Dataset& d, std::vector<std::string> names, TableView* t, bool rows_as_cells) {
    Object o(H5Oopen(file_, d.path.c_str(), H5P_DEFAULT));
    if (!o.ok()) return Note("dataset '" + d.path + "' cannot be opened");
    Type ft(H5Dget_type(o.get()));
    const bool vector_1n = d.dims.size() == 2 && d.dims[0] == 1;
    size_t per_row = PerRow(d);
    // The fields of one element and the memory record they are read into.
    std::vector<Field> fields;
    std::vector<Type> owned;
    size_t record = 0;
    Type mem;
    auto add_field = [&](Field f, hid_t mt) {
      f.offset = record;
      record += f.size * f.count;
      fields.push_back(std::move(f));
      owned.emplace_back(mt);
    };
    if (d.compound) {
      int n = H5Tget_nmembers(ft.get());
      for (int i = 0; i < n && fields.size() < kMaxColumns; ++i) {
        char* raw = H5Tget_member_name(ft.get(), static_cast<unsigned>(i));
        std::string fname = raw ? raw : "";
        H5free_memory(raw);
        Type mt_file(H5Tget_member_type(ft.get(), static_cast<unsigned>(i)));
        Field f;
        f.name = fname;
        hid_t base = mt_file.get();
        Type super;
        hsize_t adims[8] = {0};
        if (H5Tget_class(base) == H5T_ARRAY) {
          int ar = H5Tget_array_ndims(base);
          if (ar < 1 || ar > 8) continue;
          H5Tget_array_dims2(base, adims);
          f.count = 1;
          for (int k = 0; k < ar; ++k) f.count *= adims[k];
          if (f.count > 4096) continue;
          super = Type(H5Tget_super(base));
          base = super.get();
        }
        hid_t elem_mem = -1;
        f.kind = MemoryKind(base, &elem_mem, &f.size);
        if (f.kind == Field::kNone) {
          f.size = 0;
          add_field(std::move(f), -1);
          continue;
        }
        hid_t mt = elem_mem;
        if (f.count > 1 || H5Tget_class(mt_file.get()) == H5T_ARRAY) {
          hsize_t c = f.count;
          mt = H5Tarray_create2(elem_mem, 1, &c);
          H5Tclose(elem_mem);
        }
        add_field(std::move(f), mt);
      }
      if (record == 0) record = 1;
      bool any = std::any_of(fields.begin(), fields.end(), [](const Field& f) { return f.kind != Field::kNone; });
      if (any) mem = Type(H5Tcreate(H5T_COMPOUND, record));
      for (size_t i = 0; any && i < fields.size(); ++i)
        if (fields[i].kind != Field::kNone) H5Tinsert(mem.get(), fields[i].name.c_str(), fields[i].offset, owned[i].get());
    } else {
      Field f;
      hid_t mt = -1;
      f.kind = MemoryKind(ft.get(), &mt, &f.size);
      if (f.kind == Field::kNone) f.size = 0;
      add_field(std::move(f), mt);
      mem = Type(fields[0].kind == Field::kNone ? -1 : H5Tcopy(owned[0].get()));
      if (record == 0) record = 1;
    }
    // Header: one name per (element of the row, field, array element).
    std::vector<std::string> header;
    for (size_t e = 0; e < per_row; ++e)
      for (const auto& f : fields) {
        std::vector<std::string> sub = d.compound ? PickledNames(o.get(), f.name) : std::vector<std::string>();
        for (size_t k = 0; k < f.count; ++k) {
          if (!d.compound) header.push_back(e < names.size() ? names[e] : d.leaf);
          else if (f.count == 1) header.push_back(sub.size() == 1 ? sub[0] : f.name);
          else header.push_back(k < sub.size() ? sub[k] : f.name + "[" + std::to_string(k) + "]");
        }
      }
    const int64_t rows = d.rows();
    int64_t sample = std::min<int64_t>(rows, rows_as_cells ? static_cast<int64_t>(kMaxColumns)
                                                           : static_cast<int64_t>(kStructuredSampleRows));
    std::vector<std::vector<std::string>> cells(static_cast<size_t>(std::max<int64_t>(sample, 0)),
                                                std::vector<std::string>(header.size()));
    bool sampled = false;
    if (sample > 0 && mem.ok() && ChunkFits(o.get(), ft.get()) &&
        static_cast<uint64_t>(sample) * per_row * record <= kMaxSampleBuffer) {
      std::vector<char> buf(static_cast<size_t>(sample) * per_row * record);
      Space file_space(H5Dget_space(o.get()));
      const int rank = static_cast<int>(d.dims.size());
      std::vector<hsize_t> start(d.dims.size(), 0), count(d.dims.size(), 1);
      count[0] = static_cast<hsize_t>(sample);
      if (rank >= 2) count[1] = per_row;
      if (vector_1n) count[0] = 1, count[1] = static_cast<hsize_t>(sample);
      H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
      Space mem_space(H5Screate_simple(rank, count.data(), nullptr));
      if (H5Dread(o.get(), mem.get(), mem_space.get(), file_space.get(), H5P_DEFAULT, buf.data()) < 0) {
        Note("dataset '" + d.path + "' cannot be read (damaged, or compressed with a filter that is not built in)");
      } else {
        sampled = true;
        for (int64_t r = 0; r < sample; ++r) {
          size_t col = 0;
          for (size_t e = 0; e < per_row; ++e) {
            const char* rec = buf.data() + (static_cast<size_t>(r) * per_row + e) * record;
            for (const auto& f : fields)
              for (size_t k = 0; k < f.count; ++k, ++col)
                cells[static_cast<size_t>(r)][col] = FieldCell(f, rec + f.offset + k * f.size);
          }
        }
        bool has_vlen = std::any_of(fields.begin(), fields.end(), [](const Field& f) { return f.kind == Field::kVarString; });
        if (has_vlen) {
#if H5_VERSION_GE(1, 12, 0)
          H5Treclaim(mem.get(), mem_space.get(), H5P_DEFAULT, buf.data());
#else
          H5Dvlen_reclaim(mem.get(), mem_space.get(), H5P_DEFAULT, buf.data());
#endif
        }
      }
    }
    if (rows_as_cells) {
      if (sampled)
        for (auto& row : cells) t->header.push_back(row.empty() ? "" : row[0]);
      return;
    }
    // Append as columns.
    size_t before = t->header.size();
    t->header.insert(t->header.end(), header.begin(), header.end());
    if (t->rows.size() < cells.size()) t->rows.resize(cells.size());
    for (size_t r = 0; r < t->rows.size(); ++r) {
      t->rows[r].resize(before, "");
      if (r < cells.size()) t->rows[r].insert(t->rows[r].end(), cells[r].begin(), cells[r].end());
      else t->rows[r].resize(before + header.size(), "");
    }
  }

  // Whether reading the first rows decodes no more than kMaxHdf5Chunk bytes per chunk.
  static bool ChunkFits(hid_t dset, hid_t ft) {
    Plist dcpl(H5Dget_create_plist(dset));
    if (H5Pget_layout(dcpl.get()) != H5D_CHUNKED) return true;
    hsize_t dims[32];
    int n = H5Pget_chunk(dcpl.get(), 32, dims);
    if (n < 0) return false;
    uint64_t bytes = H5Tget_size(ft);
    for (int i = 0; i < n; ++i) {
      bytes *= dims[i];
      if (bytes > kMaxHdf5Chunk) return false;
    }
    return true;
  }

  hid_t file_;
  const char* format_;
  Status problem_;
};

}  // namespace

Status ReadHdf5TablesInProcess(std::string_view data, const char* format, std::vector<Hdf5Table>* tables) {
  static const bool plugins_off = [] { return H5PLset_loading_state(0) >= 0; }();
  if (!plugins_off) return Status::IoError("HDF5 filter plugins could not be disabled: not read");
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors come back as statuses, not on stderr
  if (data.empty()) return Status::Corrupt("malformed HDF5 file: empty");
  // Read-only, no copy, the buffer stays ours (DONT_RELEASE): libhdf5 reads the image in place.
  File file(H5LTopen_file_image(const_cast<char*>(data.data()), data.size(),
                                H5LT_FILE_IMAGE_DONT_COPY | H5LT_FILE_IMAGE_DONT_RELEASE));
  if (!file.ok()) return Status::Corrupt("malformed HDF5 file: libhdf5 cannot open it (truncated or damaged)");
  return Reader(file.get(), format).Run(tables);
}

Status ReadHdf5Tables(std::string_view data, const char* format, std::vector<Hdf5Table>* tables) {
  // libhdf5 1.10 is not safe on hostile input (fuzzing finds a use-after-free in its attribute
  // decoding) and keeps one process-wide mutex: it runs in an isolated child, as matio and FreeXL
  // do, and the scanning process itself never calls it (a child forked while a worker held that
  // mutex would wait on it forever).
  std::vector<NamedTable> isolated;
  Status s = ReadIsolated("libhdf5", data.size(), kHdf5Seconds, [&](std::vector<NamedTable>* out) {
    std::vector<Hdf5Table> own;
    Status read = ReadHdf5TablesInProcess(data, format, &own);
    for (auto& t : own) out->push_back({std::move(t.member), std::move(t.table)});
    return read;
  }, &isolated);
  for (auto& t : isolated) tables->push_back({std::move(t.member), std::move(t.table)});
  return s;
}

Status Hdf5Reader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/, const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "HDF5");
  if (!data.ok()) return data.status();
  std::vector<Hdf5Table> tables;
  Status read = ReadHdf5Tables(*data, "hdf5", &tables);
  for (auto& t : tables) {
    Document child = TableChild(doc, t.member, std::move(t.table));
    if (Status s = emit(child); !s.ok()) return s;
  }
  return read;
}

}  // namespace cg
