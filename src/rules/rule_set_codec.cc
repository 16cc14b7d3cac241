#include "rules/rule_set_codec.h"

#include <cstring>
#include <type_traits>

namespace cg {
namespace {

// Each struct's fields are listed once, in Io(), for both directions: the writer is handed the
// set through a const_cast and never changes it.
constexpr std::string_view kMagic = "cohortguard rule set 1\n";

struct Writer {
  std::string out;
  static constexpr bool kReading = false;
  void Raw(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
  void operator()(std::string& s) {
    uint64_t n = s.size();
    Raw(&n, sizeof n);
    out += s;
  }
  template <class T>
  std::enable_if_t<std::is_arithmetic_v<T> || std::is_enum_v<T>> operator()(T& v) { Raw(&v, sizeof v); }
  size_t Count(size_t n) {
    uint64_t v = n;
    Raw(&v, sizeof v);
    return n;
  }
};

struct Reader {
  std::string_view in;
  bool ok = true;
  static constexpr bool kReading = true;
  bool Raw(void* p, size_t n) {
    if (!ok || in.size() < n) return ok = false;
    std::memcpy(p, in.data(), n);
    in.remove_prefix(n);
    return true;
  }
  void operator()(std::string& s) {
    uint64_t n = 0;
    if (!Raw(&n, sizeof n) || in.size() < n) {
      ok = false;
      return;
    }
    s.assign(in.data(), n);
    in.remove_prefix(n);
  }
  template <class T>
  std::enable_if_t<std::is_arithmetic_v<T> || std::is_enum_v<T>> operator()(T& v) { Raw(&v, sizeof v); }
  size_t Count(size_t) {
    uint64_t n = 0;
    if (!Raw(&n, sizeof n) || n > in.size()) return ok = false, 0;  // every element takes a byte at least
    return n;
  }
};

template <class A, class T>
void List(A& a, std::vector<T>& v);

template <class A>
void Io(A& a, std::string& s) { a(s); }
template <class A>
void Io(A& a, double& d) { a(d); }

// A regex as its source; compiled again, with the loader's options, when read.
template <class A>
void Io(A& a, std::unique_ptr<RE2>& re) {
  bool present = re != nullptr;
  a(present);
  if (!present) return;
  std::string source = A::kReading ? std::string() : re->pattern();
  a(source);
  if constexpr (A::kReading) {
    RE2::Options opts;
    opts.set_log_errors(false);
    re = std::make_unique<RE2>(source, opts);
  }
}

template <class A>
void Io(A& a, ColumnPatterns& c) { List(a, c.sources); }  // the set is built on first use

template <class A>
void Io(A& a, EvidenceRule& e) {
  a(e.id), a(e.kind), Io(a, e.columns), a(e.min_matches), a(e.min_share), a(e.id_role), a(e.validator);
  a(e.min_fraction), a(e.scope), Io(a, e.scope_columns), a(e.unique), a(e.min_distinct), Io(a, e.path);
  a(e.shape), Io(a, e.format), a(e.min_rows), a(e.headerless), a(e.max_rows), a(e.weight);
}

template <class A>
void Io(A& a, TableRule& t) {
  a(t.id), a(t.title), a(t.category), a(t.max_severity), a(t.min_columns), List(a, t.evidence);
  a(t.use_attributes);
}

template <class A>
void Io(A& a, AttributeRule& r) { a(r.id), Io(a, r.columns), a(r.weight), a(r.validator), a(r.value_weight); }

template <class A>
void Io(A& a, NegativeRule& r) { a(r.id), a(r.title), Io(a, r.match), a(r.weight); }

template <class A>
void Io(A& a, SecretExample& e) { a(e.text), a(e.path), a(e.should_match), a(e.where); }

template <class A>
void Io(A& a, SecretPattern& p) { a(p.source); }  // compiled on first use (see SecretPattern)

template <class A>
void Io(A& a, SecretRule& r) {
  a(r.id), a(r.title), a(r.severity), a(r.confidence), List(a, r.patterns), Io(a, r.path);
  a(r.min_entropy), a(r.min_classes), List(a, r.examples), a(r.where);
}

template <class A>
void Io(A& a, RulePackInfo& p) { a(p.name), a(p.file), a(p.description); }

template <class A>
void Io(A& a, RuleSet& s) {
  List(a, s.packs), List(a, s.tables), List(a, s.attributes), List(a, s.negatives), List(a, s.secrets);
  SmallCellsPolicy& c = s.small_cells;
  a(c.enabled), a(c.rule), a(c.threshold), a(c.zeros), Io(a, c.columns), List(a, c.not_with);
  ScoringPolicy& g = s.scoring;
  a(g.report_threshold), a(g.medium_threshold), a(g.high_threshold), a(g.example_max_rows), a(g.few_max_rows);
  a(g.sample_rows);
  PersonModel& m = s.person;
  a(m.enabled), a(m.rule), a(m.intercept), List(a, m.coefficients), Io(a, m.id_columns), Io(a, m.subject_columns);
  Io(a, m.aggregate_columns), Io(a, m.facility_columns), Io(a, m.vocabulary_columns), a(m.fitted);
}

template <class A, class T>
void List(A& a, std::vector<T>& v) {
  const size_t n = a.Count(v.size());
  if constexpr (A::kReading) {
    v.clear();
    for (size_t i = 0; i < n && a.ok; ++i) {
      if constexpr (std::is_same_v<T, SecretPattern>) {
        v.emplace_back("");
      } else {
        v.emplace_back();
      }
      Io(a, v.back());
    }
  } else {
    for (T& x : v) Io(a, x);
  }
}

}  // namespace

std::string EncodeRuleSet(const RuleSet& set) {
  Writer w;
  w.out = kMagic;
  Io(w, const_cast<RuleSet&>(set));
  return std::move(w.out);
}

Status DecodeRuleSet(std::string_view bytes, RuleSet* out) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return Status::InvalidArgument("built-in rule set: not one");
  Reader r{bytes.substr(kMagic.size())};
  Io(r, *out);
  if (!r.ok || !r.in.empty()) return Status::InvalidArgument("built-in rule set: truncated or damaged");
  return Status::Ok();
}

}  // namespace cg
