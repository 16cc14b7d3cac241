#include "content/pickle_reader.h"

#include <cstring>
#include <optional>
#include <unordered_set>

#include "content/pickle_machine.h"
#include "content/structured_input.h"
#include "content/table_sample.h"

namespace cg {
namespace {

constexpr int kMaxWalkDepth = 6;
constexpr size_t kMaxWalkItems = 100000;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A numpy array as pickled: its dtype and shape, and either its raw bytes or its objects.
struct NdArray {
  char kind = 0;     // numpy kind: i u f b M m O S U
  size_t width = 0;  // bytes per element
  bool big_endian = false;
  bool fortran = false;
  std::vector<int64_t> shape;
  std::string_view raw;    // the pickle's own bytes, unless `owned`
  std::string raw_owned;  // protocol 2 bytes, decoded from _codecs.encode(text, 'latin1')
  bool owned = false;
  // Not `raw` after a move: a short raw_owned lives inside the object, so a view of it would dangle.
  std::string_view bytes() const { return owned ? std::string_view(raw_owned) : raw; }
  const std::vector<uint32_t>* objects = nullptr;
  int64_t length() const {
    int64_t n = 1;
    for (int64_t d : shape) n = d < 0 ? 0 : n * d;
    return n;
  }
};

class FrameDecoder {
 public:
  explicit FrameDecoder(const PickleMachine& m) : m_(m) {}

  void Walk(uint32_t id, const std::string& path, int depth, std::vector<PickledFrame>* out) {
    if (!m_.valid(id) || depth > kMaxWalkDepth || ++walked_ > kMaxWalkItems || !seen_.insert(id).second) return;
    if (IsFrame(id)) {
      PickledFrame f{path, {}};
      if (Frame(id, &f.table)) out->push_back(std::move(f));
      return;
    }
    const PickleValue& v = m_.at(id);
    const auto& items = m_.items(id);
    if (v.kind == PickleKind::kDict) {
      for (size_t i = 0; i + 1 < items.size(); i += 2)
        Walk(items[i + 1], Join(path, Cell(items[i])), depth + 1, out);
    } else if (v.kind == PickleKind::kList || v.kind == PickleKind::kTuple) {
      for (size_t i = 0; i < items.size(); ++i) Walk(items[i], Join(path, "[" + std::to_string(i) + "]"), depth + 1, out);
    }
  }

 private:
  static std::string Join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

  std::string Callee(uint32_t id) const {
    if (!m_.valid(id) || m_.at(id).kind != PickleKind::kCall) return "";
    return m_.global_name(m_.at(id).a);
  }
  const std::vector<uint32_t>& Args(uint32_t id) const { return m_.items(m_.at(id).b); }
  uint32_t State(uint32_t id) const { return m_.at(id).c; }

  uint32_t Get(uint32_t dict, std::string_view key) const {
    if (!m_.valid(dict) || m_.at(dict).kind != PickleKind::kDict) return kNoValue;
    const auto& items = m_.items(dict);
    for (size_t i = 0; i + 1 < items.size(); i += 2)
      if (m_.at(items[i]).kind == PickleKind::kStr && m_.text(items[i]) == key) return items[i + 1];
    return kNoValue;
  }
  std::optional<int64_t> Int(uint32_t id) const {
    if (!m_.valid(id) || (m_.at(id).kind != PickleKind::kInt && m_.at(id).kind != PickleKind::kBool)) return std::nullopt;
    return m_.at(id).i;
  }
  uint32_t Item(const std::vector<uint32_t>& items, size_t i) const { return i < items.size() ? items[i] : kNoValue; }

  // pandas.core.frame.DataFrame by NEWOBJ, or copyreg._reconstructor(DataFrame, ...).
  bool IsFrame(uint32_t id) const {
    std::string callee = Callee(id);
    if (callee == "pandas.core.frame.DataFrame") return true;
    if (callee == "copyreg._reconstructor" || callee == "copy_reg._reconstructor")
      return m_.global_name(Item(Args(id), 0)) == "pandas.core.frame.DataFrame";
    return false;
  }

  std::string Cell(uint32_t id) const {
    if (!m_.valid(id)) return "";
    const PickleValue& v = m_.at(id);
    switch (v.kind) {
      case PickleKind::kInt: return std::to_string(v.i);
      case PickleKind::kBool: return v.i ? "True" : "False";
      case PickleKind::kFloat: return FormatSampleNumber(v.d);
      case PickleKind::kStr: return CellText(m_.text(id));
      default: return "";
    }
  }

  bool Dtype(uint32_t id, NdArray* a) const {
    if (Callee(id) != "numpy.dtype") return false;
    std::string_view code = m_.text(Item(Args(id), 0));
    if (code.empty()) return false;
    a->kind = code[0];
    a->width = 0;
    for (char c : code.substr(1)) {
      if (c < '0' || c > '9' || a->width > 1000) return false;
      a->width = a->width * 10 + static_cast<size_t>(c - '0');
    }
    const auto& state = m_.items(State(id));
    a->big_endian = m_.text(Item(state, 1)) == ">";
    return true;
  }

  bool Shape(uint32_t id, NdArray* a) const {
    for (uint32_t d : m_.items(id)) {
      auto n = Int(d);
      if (!n || *n < 0) return false;
      a->shape.push_back(*n);
    }
    return true;
  }

  bool Data(uint32_t id, NdArray* a) const {
    if (!m_.valid(id)) return false;
    const PickleValue& v = m_.at(id);
    if (v.kind == PickleKind::kList) {
      a->objects = &m_.items(id);
      return true;
    }
    if (v.kind == PickleKind::kBytes || v.kind == PickleKind::kStr) {
      a->raw = m_.text(id);
      return true;
    }
    if (Callee(id) == "_codecs.encode") {  // protocol 2 bytes: the latin-1 text of each byte
      std::string_view text = m_.text(Item(Args(id), 0));
      for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
          a->raw_owned += static_cast<char>(c);
        } else if ((c & 0xe0) == 0xc0 && i + 1 < text.size()) {
          a->raw_owned += static_cast<char>(((c & 0x1f) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3f));
        } else {
          return false;
        }
      }
      a->owned = true;
      return true;
    }
    return false;
  }

  // numpy.core.multiarray._reconstruct + BUILD state, or numpy.core.numeric._frombuffer.
  bool Array(uint32_t id, NdArray* a) const {
    std::string callee = Callee(id);
    if (EndsWith(callee, "multiarray._reconstruct")) {
      const auto& st = m_.items(State(id));  // (version, shape, dtype, is_fortran, data)
      if (st.size() < 5 || !Shape(st[1], a) || !Dtype(st[2], a)) return false;
      a->fortran = Int(st[3]).value_or(0) != 0;
      return Data(st[4], a);
    }
    if (EndsWith(callee, "numeric._frombuffer")) {
      const auto& args = Args(id);  // (buffer, dtype, shape, order)
      if (args.size() < 4 || !Dtype(args[1], a) || !Shape(args[2], a)) return false;
      a->fortran = m_.text(args[3]) == "F";
      return Data(args[0], a);
    }
    return false;
  }

  std::string Element(const NdArray& a, int64_t flat) const {
    if (flat < 0 || flat >= a.length()) return "";
    if (a.objects) return static_cast<size_t>(flat) < a.objects->size() ? Cell((*a.objects)[static_cast<size_t>(flat)]) : "";
    const std::string_view raw = a.bytes();
    if (a.width == 0 || a.width > 8 || static_cast<uint64_t>(flat) >= raw.size() / a.width) return "";
    unsigned char b[8] = {0};
    std::memcpy(b, raw.data() + static_cast<size_t>(flat) * a.width, a.width);
    uint64_t u = 0;
    for (size_t i = 0; i < a.width; ++i) u |= static_cast<uint64_t>(b[a.big_endian ? a.width - 1 - i : i]) << (8 * i);
    auto sign_extend = [&](uint64_t x) {
      return a.width < 8 && (x >> (8 * a.width - 1)) & 1 ? static_cast<int64_t>(x | (~0ull << (8 * a.width))) : static_cast<int64_t>(x);
    };
    switch (a.kind) {
      case 'i': return std::to_string(sign_extend(u));
      case 'u': return std::to_string(u);
      case 'b': return u ? "True" : "False";
      case 'f':
        if (a.width == 8) { double d; std::memcpy(&d, &u, 8); return FormatSampleNumber(d); }
        if (a.width == 4) { float f; uint32_t w = static_cast<uint32_t>(u); std::memcpy(&f, &w, 4); return FormatSampleFloat(f); }
        return "";
      case 'M': {  // datetime64[ns], what pandas stores
        int64_t ns = sign_extend(u);
        if (ns == INT64_MIN) return "";
        int64_t days = ns / 86400000000000LL - (ns % 86400000000000LL < 0);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
        int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        int64_t d = doy - (153 * mp + 2) / 5 + 1, mo = mp < 10 ? mp + 3 : mp - 9;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y + (mo <= 2)),
                      static_cast<long long>(mo), static_cast<long long>(d));
        return buf;
      }
      default: return "";
    }
  }

  struct Axis {
    bool range = false;
    int64_t length = 0;
    std::string name;
    NdArray values;
    bool known = false;
  };

  // pandas.core.indexes.base._new_Index(cls, {data | start, stop, step, name}).
  Axis Index(uint32_t id) const {
    Axis ax;
    if (!EndsWith(Callee(id), "._new_Index")) return ax;
    const auto& args = Args(id);
    std::string cls = m_.global_name(Item(args, 0));
    uint32_t d = Item(args, 1);
    ax.name = m_.at(Get(d, "name")).kind == PickleKind::kStr ? std::string(m_.text(Get(d, "name"))) : "";
    if (EndsWith(cls, "RangeIndex")) {
      int64_t start = Int(Get(d, "start")).value_or(0), stop = Int(Get(d, "stop")).value_or(0);
      int64_t step = Int(Get(d, "step")).value_or(1);
      ax.range = ax.known = true;
      if (step > 0 && stop > start) ax.length = (stop - start + step - 1) / step;
      if (step < 0 && stop < start) ax.length = (start - stop - step - 1) / -step;
      return ax;
    }
    if (Array(Get(d, "data"), &ax.values) && !ax.values.shape.empty()) {
      ax.known = true;
      ax.length = ax.values.shape[0];
    }
    return ax;
  }

  struct Block {
    NdArray values;
    std::vector<int64_t> columns;  // frame column of each block row
  };

  bool Placement(uint32_t id, std::vector<int64_t>* out) const {
    if (Callee(id) == "builtins.slice" || Callee(id) == "__builtin__.slice") {
      const auto& a = Args(id);
      int64_t start = Int(Item(a, 0)).value_or(0), stop = Int(Item(a, 1)).value_or(0), step = Int(Item(a, 2)).value_or(1);
      if (step <= 0 || stop - start > static_cast<int64_t>(kMaxColumns) * step) return false;
      for (int64_t i = start; i < stop; i += step) out->push_back(i);
      return true;
    }
    NdArray a;
    if (!Array(id, &a) || a.kind != 'i' || a.length() > static_cast<int64_t>(kMaxColumns)) return false;
    for (int64_t i = 0; i < a.length(); ++i) out->push_back(std::stoll("0" + Element(a, i)));
    return true;
  }

  bool Frame(uint32_t id, TableView* t) const {
    uint32_t state = State(id);
    uint32_t mgr = Get(state, "_mgr");
    if (mgr == kNoValue) mgr = Get(state, "_data");
    if (!m_.valid(mgr)) return false;
    std::vector<uint32_t> axes, blocks;
    std::vector<std::pair<uint32_t, uint32_t>> old_blocks;  // (values, mgr_locs)
    const auto& args = Args(mgr);
    if (args.size() >= 2 && m_.at(args[1]).kind == PickleKind::kList) {  // BlockManager(blocks, axes)
      blocks = m_.items(args[0]);
      axes = m_.items(args[1]);
    } else {  // __getstate__: (axes, values, items, {"0.14.1": {"axes": [...], "blocks": [{values, mgr_locs}]}})
      const auto& st = m_.items(State(mgr));
      uint32_t extra = Get(Item(st, 3), "0.14.1");
      axes = m_.items(Get(extra, "axes"));
      for (uint32_t b : m_.items(Get(extra, "blocks"))) old_blocks.emplace_back(Get(b, "values"), Get(b, "mgr_locs"));
    }
    if (axes.size() != 2) return false;
    Axis columns = Index(axes[0]), index = Index(axes[1]);
    if (!index.known) return false;
    std::vector<Block> decoded;
    for (uint32_t b : blocks) {  // pandas._libs.internals._unpickle_block(values, placement, ndim)
      const auto& ba = Args(b);
      Block blk;
      if (Array(Item(ba, 0), &blk.values) && Placement(Item(ba, 1), &blk.columns)) decoded.push_back(std::move(blk));
    }
    for (auto [values, locs] : old_blocks) {
      Block blk;
      if (Array(values, &blk.values) && Placement(locs, &blk.columns)) decoded.push_back(std::move(blk));
    }
    int64_t ncols = columns.known ? columns.length : 0;
    for (const auto& b : decoded)
      for (int64_t c : b.columns) ncols = std::max(ncols, c + 1);
    ncols = std::min<int64_t>(ncols, static_cast<int64_t>(kMaxColumns));
    t->format = "pickle";
    const bool index_column = !index.range;
    if (index_column) t->header.push_back(index.name.empty() ? "index" : index.name);
    for (int64_t c = 0; c < ncols; ++c) t->header.push_back(columns.known && !columns.range ? Element(columns.values, c) : std::to_string(c));
    // Where each frame column's values are: (block, row within the block).
    std::vector<std::pair<const Block*, int64_t>> where(static_cast<size_t>(ncols), {nullptr, 0});
    for (const auto& b : decoded)
      for (size_t k = 0; k < b.columns.size(); ++k)
        if (b.columns[k] >= 0 && b.columns[k] < ncols) where[static_cast<size_t>(b.columns[k])] = {&b, static_cast<int64_t>(k)};
    const int64_t sample = std::min<int64_t>(index.length, static_cast<int64_t>(kStructuredSampleRows));
    for (int64_t r = 0; r < sample; ++r) {
      std::vector<std::string> row;
      if (index_column) row.push_back(Element(index.values, r));
      for (int64_t c = 0; c < ncols; ++c) {
        auto [b, k] = where[static_cast<size_t>(c)];
        if (!b) { row.emplace_back(); continue; }
        const NdArray& v = b->values;
        if (v.shape.size() == 1) row.push_back(Element(v, r));
        else if (v.shape.size() == 2) row.push_back(Element(v, v.fortran ? k + r * v.shape[0] : k * v.shape[1] + r));
        else row.emplace_back();  // a 0-d or 3-d block is no column of a frame
      }
      t->rows.push_back(std::move(row));
    }
    t->row_count = index.length;
    return true;
  }

  const PickleMachine& m_;
  std::unordered_set<uint32_t> seen_;
  size_t walked_ = 0;
};

}  // namespace

Status ReadPickledFrames(std::string_view data, std::vector<PickledFrame>* frames) {
  PickleMachine machine;
  if (Status s = machine.Run(data); !s.ok()) return s;
  FrameDecoder(machine).Walk(machine.root(), "", 0, frames);
  return Status::Ok();
}

Status PickleReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                            const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "pickle");
  if (!data.ok()) return data.status();
  std::vector<PickledFrame> frames;
  if (Status s = ReadPickledFrames(*data, &frames); !s.ok()) return s;
  for (auto& f : frames) {
    Document child = TableChild(doc, f.member, std::move(f.table));
    if (Status s = emit(child); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace cg
