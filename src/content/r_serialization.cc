#include "content/r_serialization.h"

#include <climits>
#include <cmath>
#include <cstring>
#include <limits>

namespace cg {
namespace {

// Pseudo-SEXP codes that appear only in serialized streams.
constexpr int kRefSxp = 255, kNilValueSxp = 254, kGlobalEnvSxp = 253, kUnboundValueSxp = 252,
              kMissingArgSxp = 251, kBaseNamespaceSxp = 250, kNamespaceSxp = 249,
              kPackageSxp = 248, kPersistSxp = 247, kClassRefSxp = 246, kGenericRefSxp = 245,
              kBcRepDefSxp = 244, kBcRepRefSxp = 243, kEmptyEnvSxp = 242, kBaseEnvSxp = 241,
              kAttrLangSxp = 240, kAttrListSxp = 239, kAltrepSxp = 238;
// SEXP types with their own serialized layout.
constexpr int kClosSxp = 3, kPromSxp = 5, kLangSxp = 6, kSpecialSxp = 7, kBuiltinSxp = 8,
              kDotSxp = 17, kExprSxp = 20, kBcodeSxp = 21, kExtPtrSxp = 22, kWeakRefSxp = 23,
              kS4Sxp = 25;
constexpr int kMaxNesting = 256;
constexpr size_t kMaxListItems = size_t{1} << 17;  // wider than any UK Biobank extract

class Parser {
 public:
  Parser(std::string_view data, size_t sample) : data_(data), keep_(sample) {}

  void Skip(size_t n) { pos_ += n; }

  Status Header() {
    if (data_.substr(pos_, 2) != "X\n") {
      if (data_.substr(pos_, 2) == "A\n" || data_.substr(pos_, 2) == "B\n")
        return Status::Unsupported("R ASCII or native-binary serialization (only XDR is read)");
      return Status::Corrupt("not an R serialization stream (no \"X\\n\" marker)");
    }
    pos_ += 2;
    int32_t version, writer, reader;
    if (!Int(&version) || !Int(&writer) || !Int(&reader)) return Truncated();
    if (version == 3) {
      int32_t nelen;
      if (!Int(&nelen)) return Truncated();
      if (nelen < 0 || static_cast<size_t>(nelen) > Left()) return Status::Corrupt("R serialization: bad encoding name length");
      pos_ += nelen;
    } else if (version != 2) {
      return Status::Corrupt("R serialization version " + std::to_string(version) + " (2 or 3 expected)");
    }
    return Status::Ok();
  }

  Status Item(RObject* out, int depth = 0) {
    if (depth > kMaxNesting) return Status::Corrupt("R object nested deeper than " + std::to_string(kMaxNesting));
    int32_t flags;
    if (!Int(&flags)) return Truncated();
    const int type = flags & 0xff;
    const bool has_attr = flags & (1 << 9);
    switch (type) {
      case kNilValueSxp: case kGlobalEnvSxp: case kUnboundValueSxp: case kMissingArgSxp:
      case kBaseNamespaceSxp: case kEmptyEnvSxp: case kBaseEnvSxp:
        out->type = type == kNilValueSxp ? kRNil : kROther;
        return Status::Ok();
      case kRefSxp: {
        int32_t index = flags >> 8;
        if (index == 0 && !Int(&index)) return Truncated();
        if (index < 1 || static_cast<size_t>(index) > refs_.size())
          return Status::Corrupt("R serialization: reference " + std::to_string(index) + " to an unknown object");
        *out = refs_[index - 1];
        return Status::Ok();
      }
      case kPersistSxp: case kNamespaceSxp: case kPackageSxp: {
        RObject names;
        if (Status s = StringVec(&names, depth); !s.ok()) return s;
        out->type = kROther;
        refs_.push_back(*out);
        return Status::Ok();
      }
      case kRSymbol: {
        RObject name;
        if (Status s = Item(&name, depth + 1); !s.ok()) return s;
        out->type = kRSymbol;
        out->strings = {name.strings.empty() ? "" : name.strings[0]};
        refs_.push_back(*out);
        return Status::Ok();
      }
      case kREnvironment: {
        int32_t locked;
        if (!Int(&locked)) return Truncated();
        out->type = kREnvironment;
        refs_.push_back(*out);  // referenced by its own contents, so registered first
        RObject enclos, frame, hashtab, attrib;
        for (RObject* part : {&enclos, &frame, &hashtab, &attrib})
          if (Status s = Item(part, depth + 1); !s.ok()) return s;
        return Status::Ok();
      }
      case kRPairList: case kLangSxp: case kClosSxp: case kPromSxp: case kDotSxp:
      case kAttrLangSxp: case kAttrListSxp:
        return PairList(flags, out, depth);
      case kExtPtrSxp: {
        out->type = kROther;
        refs_.push_back(*out);
        RObject prot, tag;
        if (Status s = Item(&prot, depth + 1); !s.ok()) return s;
        if (Status s = Item(&tag, depth + 1); !s.ok()) return s;
        break;
      }
      case kWeakRefSxp:
        out->type = kROther;
        refs_.push_back(*out);
        break;
      case kSpecialSxp: case kBuiltinSxp: {
        int32_t n;
        if (!Int(&n)) return Truncated();
        if (n < 0 || static_cast<size_t>(n) > Left()) return Truncated();
        pos_ += n;
        out->type = kROther;
        break;
      }
      case kRChar: {
        int32_t n;
        if (!Int(&n)) return Truncated();
        out->type = kRChar;
        if (n == -1) {
          out->strings = {""};  // NA_STRING
        } else {
          if (n < 0 || static_cast<size_t>(n) > Left()) return Truncated();
          out->strings = {std::string(data_.substr(pos_, n))};
          pos_ += n;
        }
        break;
      }
      case kRLogical: case kRInteger: case kRReal: case kRComplex: case kRRaw:
        if (Status s = Atomic(type, out, depth); !s.ok()) return s;
        break;
      case kRString: case kRList: case kExprSxp:
        if (Status s = Vector(type, out, depth); !s.ok()) return s;
        break;
      case kS4Sxp: case kRNil:
        out->type = type == kRNil ? kRNil : kROther;
        break;
      case kAltrepSxp:
        return Altrep(out, depth);
      case kBcodeSxp: case kBcRepDefSxp: case kBcRepRefSxp:
        return Status::Unsupported("R byte code in the serialization stream");
      case kClassRefSxp: case kGenericRefSxp:
        return Status::Corrupt("R serialization: obsolete class reference");
      default:
        return Status::Corrupt("R serialization: unknown type " + std::to_string(type));
    }
    if (has_attr) return Attributes(out, depth);
    return Status::Ok();
  }

 private:
  size_t Left() const { return data_.size() - pos_; }
  static Status Truncated() { return Status::Corrupt("R serialization stream truncated"); }

  bool Int(int32_t* v) {
    if (Left() < 4) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(data_.data() + pos_);
    *v = static_cast<int32_t>((uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3]);
    pos_ += 4;
    return true;
  }

  bool Double(double* v) {
    if (Left() < 8) return false;
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(data_[pos_ + i]);
    std::memcpy(v, &bits, sizeof bits);
    pos_ += 8;
    return true;
  }

  // Vector length: an int, or -1 followed by two ints for long vectors.
  Status Length(int64_t* n) {
    int32_t len;
    if (!Int(&len)) return Truncated();
    if (len == -1) {
      int32_t hi, lo;
      if (!Int(&hi) || !Int(&lo)) return Truncated();
      *n = (static_cast<int64_t>(static_cast<uint32_t>(hi)) << 32) | static_cast<uint32_t>(lo);
    } else {
      *n = len;
    }
    if (*n < 0) return Status::Corrupt("R serialization: negative vector length");
    return Status::Ok();
  }

  Status Atomic(int type, RObject* out, int /*depth*/) {
    int64_t n = 0;
    if (Status s = Length(&n); !s.ok()) return s;
    const size_t width = type == kRRaw ? 1 : type == kRReal ? 8 : type == kRComplex ? 16 : 4;
    if (static_cast<uint64_t>(n) > Left() / width) return Truncated();
    out->type = type == kRComplex || type == kRRaw ? kROther : type;
    out->length = n;
    const size_t keep = type == kRComplex || type == kRRaw ? 0 : std::min<uint64_t>(n, keep_);
    out->numbers.reserve(keep);
    for (size_t i = 0; i < keep; ++i) {
      if (type == kRReal) {
        double d = 0;
        Double(&d);
        out->numbers.push_back(d);
      } else {
        int32_t v = 0;
        Int(&v);
        out->numbers.push_back(v == INT_MIN ? std::numeric_limits<double>::quiet_NaN() : v);
      }
    }
    pos_ += (n - keep) * width;
    return Status::Ok();
  }

  Status Vector(int type, RObject* out, int depth) {
    int64_t n = 0;
    if (Status s = Length(&n); !s.ok()) return s;
    if (static_cast<uint64_t>(n) > Left() / 4) return Truncated();  // every element takes >= 4 bytes
    out->type = type == kExprSxp ? kROther : type;
    out->length = n;
    // Lists keep every element up to kMaxListItems (a data frame needs all its columns; each
    // column samples its own values); string vectors keep the sample.
    const size_t keep = std::min<uint64_t>(n, type == kRString ? keep_ : std::max(keep_, kMaxListItems));
    for (int64_t i = 0; i < n; ++i) {
      RObject element;
      if (Status s = Item(&element, depth + 1); !s.ok()) return s;
      if (static_cast<size_t>(i) >= keep) continue;
      if (type == kRString)
        out->strings.push_back(element.strings.empty() ? "" : std::move(element.strings[0]));
      else
        out->items.push_back(std::move(element));
    }
    return Status::Ok();
  }

  Status StringVec(RObject* out, int depth) {
    int32_t zero;
    if (!Int(&zero)) return Truncated();
    if (zero != 0) return Status::Corrupt("R serialization: malformed name vector");
    return Vector(kRString, out, depth);
  }

  // Attributes are kept whole: names, levels and row.names must not be sampled.
  Status Attributes(RObject* out, int depth) {
    RObject attrs;
    const size_t saved = keep_;
    keep_ = std::numeric_limits<size_t>::max();
    Status s = Item(&attrs, depth + 1);
    keep_ = saved;
    if (!s.ok()) return s;
    AppendAttributes(std::move(attrs), out);
    return Status::Ok();
  }

  // Pairlist cells are read in a loop along CDR so long pairlists do not recurse.
  Status PairList(int32_t flags, RObject* out, int depth) {
    const int first_type = flags & 0xff;
    out->type = first_type == kRPairList || first_type == kAttrListSxp ? kRPairList : kROther;
    bool first = true;
    for (;;) {
      const bool has_attr = flags & (1 << 9), has_tag = flags & (1 << 10);
      if (has_attr) {
        RObject holder;
        if (Status s = Attributes(&holder, depth); !s.ok()) return s;
        if (first) {
          out->attribute_names = std::move(holder.attribute_names);
          out->attribute_values = std::move(holder.attribute_values);
        }
      }
      std::string tag;
      if (has_tag) {
        RObject t;
        if (Status s = Item(&t, depth + 1); !s.ok()) return s;
        if (!t.strings.empty()) tag = t.strings[0];
      }
      RObject car;
      if (Status s = Item(&car, depth + 1); !s.ok()) return s;
      out->tags.push_back(std::move(tag));
      out->items.push_back(std::move(car));
      ++out->length;
      first = false;
      // CDR: continue the loop when it is another cell of a pairlist.
      if (!Int(&flags)) return Truncated();
      const int type = flags & 0xff;
      if (type == kNilValueSxp) return Status::Ok();
      if (type != kRPairList && type != kLangSxp && type != kAttrListSxp && type != kAttrLangSxp &&
          type != kDotSxp) {
        pos_ -= 4;
        RObject cdr;
        return Item(&cdr, depth + 1);
      }
    }
  }

  // ALTREP: class info, state, attributes. Compact sequences and wrappers are expanded so a
  // column saved as 1:n still reads as an integer column of length n.
  Status Altrep(RObject* out, int depth) {
    RObject info, state, attrs;
    if (Status s = Item(&info, depth + 1); !s.ok()) return s;
    if (Status s = Item(&state, depth + 1); !s.ok()) return s;
    const size_t saved = keep_;
    keep_ = std::numeric_limits<size_t>::max();
    Status s = Item(&attrs, depth + 1);
    keep_ = saved;
    if (!s.ok()) return s;
    const std::string cls = !info.items.empty() && !info.items[0].strings.empty() ? info.items[0].strings[0] : "";
    if (cls == "compact_intseq" || cls == "compact_realseq") {
      if (state.numbers.size() < 3) return Status::Corrupt("R serialization: malformed compact sequence");
      const double n = state.numbers[0], start = state.numbers[1], step = state.numbers[2];
      if (!(n >= 0 && n < 9e15)) return Status::Corrupt("R serialization: bad compact sequence length");
      out->type = cls == "compact_intseq" ? kRInteger : kRReal;
      out->length = static_cast<int64_t>(n);
      for (int64_t i = 0; i < out->length && static_cast<size_t>(i) < keep_; ++i)
        out->numbers.push_back(start + step * static_cast<double>(i));
    } else if (cls.rfind("wrap_", 0) == 0 && !state.items.empty()) {
      *out = std::move(state.items[0]);  // list(x, metadata)
    } else if (cls == "deferred_string" && !state.items.empty()) {
      const RObject& arg = state.items[0];  // pairlist(original vector, scipen)
      out->type = kRString;
      out->length = arg.length;
      for (double d : arg.numbers)
        out->strings.push_back(std::isnan(d) ? "" : std::to_string(static_cast<long long>(d)));
    } else {
      return Status::Unsupported("R ALTREP class \"" + cls + "\"");
    }
    AppendAttributes(std::move(attrs), out);
    return Status::Ok();
  }

  // Attributes are a tagged pairlist; anything else in that slot (hostile input) is dropped.
  static void AppendAttributes(RObject&& pairlist, RObject* out) {
    if (pairlist.type != kRPairList || pairlist.tags.size() != pairlist.items.size()) return;
    for (size_t i = 0; i < pairlist.items.size(); ++i) {
      out->attribute_names.push_back(std::move(pairlist.tags[i]));
      out->attribute_values.push_back(std::move(pairlist.items[i]));
    }
  }

  std::string_view data_;
  size_t pos_ = 0;
  size_t keep_;  // values kept per vector; unlimited while reading attributes
  std::vector<RObject> refs_;
};

}  // namespace

const RObject* RObject::Attribute(std::string_view name) const {
  for (size_t i = 0; i < attribute_names.size(); ++i)
    if (attribute_names[i] == name) return &attribute_values[i];
  return nullptr;
}

bool RObject::Inherits(std::string_view name) const {
  const RObject* cls = Attribute("class");
  if (!cls) return false;
  for (const auto& c : cls->strings)
    if (c == name) return true;
  return false;
}

Expected<RObject> ParseRSerialization(std::string_view data, bool rdata, size_t sample) {
  Parser parser(data, sample);
  if (rdata) {
    // RDX = XDR, RDA = ASCII, RDB = native binary; Header() refuses the latter two by name.
    if (data.size() < 5 || data.substr(0, 2) != "RD" || (data[3] != '2' && data[3] != '3') || data[4] != '\n')
      return Status::Corrupt("not an .RData file (no RDX2/RDX3 signature)");
    parser.Skip(5);
  }
  if (Status s = parser.Header(); !s.ok()) return s;
  RObject root;
  if (Status s = parser.Item(&root); !s.ok()) return s;
  return root;
}

}  // namespace cg
