// ColumnPatterns (rules/rule_set.h): matching a column name against a pack's patterns.
//
// A set the loader made (a user pack's) is compiled whole on first use. The built-in packs'
// sets come with their sources only (rules/rule_set_codec.h): a Vectorscan prefilter of every
// built-in column pattern, compiled at build time (kBuiltInColumnPrefilter), proposes which can
// match a name, and only those are compiled (RE2, each on its own) and run: a table's dozen
// names need a few dozen of the ~800 patterns, where compiling the 81 sets cost half of a
// pre-commit hook on five small tables. Where the database does not load, or a name holds a
// letter Vectorscan does not fold as RE2 does, every pattern is run: slower, never wrong.
#include <algorithm>
#include <climits>
#include <mutex>
#include <unordered_map>

#include <hs/hs.h>

#include "rules/pattern_prefilter.h"
#include "rules/prebuilt_prefilter.h"
#include "rules/rule_set.h"

namespace cg {
namespace {

RE2::Options ColumnOptions() {
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  return opts;
}

struct ColumnPrefilter {
  hs_database_t* db = nullptr;
  std::unordered_map<std::string_view, int> id_of;  // source -> database id; -1: not in it

  static const ColumnPrefilter* Get() {
    static const ColumnPrefilter* loaded = []() -> const ColumnPrefilter* {
      const PrebuiltPrefilter& a = kBuiltInColumnPrefilter;
      if (a.count == 0) return nullptr;
      auto* p = new ColumnPrefilter;  // for the process's life
      if (hs_deserialize_database(a.database, a.database_size, &p->db) != HS_SUCCESS) {
        delete p;
        return nullptr;
      }
      for (size_t i = 0; i < a.count; ++i) p->id_of.emplace(a.sources[i], a.always[i] ? -1 : static_cast<int>(i));
      return p;
    }();
    return loaded;
  }

  // Database ids that may match `name`, sorted; false when the prefilter must not judge it.
  // Names repeat across the packs' 81 sets: each thread remembers the ones it scanned.
  bool Candidates(const std::string& name, const std::vector<int>** out) const {
    if (name.size() > UINT_MAX || HoldsFoldedLetter(name)) return false;
    struct Cache {
      hs_scratch_t* scratch = nullptr;
      std::unordered_map<std::string, std::vector<int>> hits;
      ~Cache() {
        if (scratch) hs_free_scratch(scratch);
      }
    };
    thread_local Cache cache;
    if (auto it = cache.hits.find(name); it != cache.hits.end()) {
      *out = &it->second;
      return true;
    }
    if (!cache.scratch && hs_alloc_scratch(db, &cache.scratch) != HS_SUCCESS) return false;
    std::vector<int> ids;
    auto on_match = [](unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
      static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
      return 0;
    };
    if (hs_scan(db, name.data(), static_cast<unsigned>(name.size()), 0, cache.scratch, on_match, &ids) != HS_SUCCESS)
      return false;
    std::sort(ids.begin(), ids.end());
    if (cache.hits.size() > 4096) cache.hits.clear();
    *out = &cache.hits.emplace(name, std::move(ids)).first->second;
    return true;
  }
};

}  // namespace

struct ColumnPatterns::Compiled {
  std::once_flag once;
  // A whole set (the loader's, else made here), or, should it not compile (RE2's memory
  // budget), each pattern on its own.
  std::unique_ptr<RE2::Set> built;
  const RE2::Set* set = nullptr;
  std::vector<std::unique_ptr<RE2>> one_by_one;
  // Prefiltered: per source its database id (-1: run on every name), compiled when proposed.
  const ColumnPrefilter* prefilter = nullptr;
  std::vector<int> ids;
  std::unique_ptr<std::once_flag[]> compile_once;
  std::vector<std::unique_ptr<RE2>> res;
};

std::shared_ptr<ColumnPatterns::Compiled> ColumnPatterns::MakeCompiled() { return std::make_shared<Compiled>(); }

const ColumnPatterns::Compiled& ColumnPatterns::Compile() const {
  std::call_once(compiled_->once, [this] {
    Compiled& c = *compiled_;
    if (!set && (c.prefilter = ColumnPrefilter::Get())) {
      for (const std::string& p : sources) {
        auto it = c.prefilter->id_of.find(p);
        c.ids.push_back(it == c.prefilter->id_of.end() ? -1 : it->second);
      }
      c.compile_once.reset(new std::once_flag[sources.size()]);
      c.res.resize(sources.size());
      return;
    }
    RE2::Set* s = set.get();
    if (!s) {
      c.built = std::make_unique<RE2::Set>(ColumnOptions(), RE2::ANCHOR_BOTH);
      s = c.built.get();
      for (const std::string& p : sources)
        if (s->Add(p, nullptr) < 0) s = nullptr;  // the build loaded them: not reached
      if (!s) c.built.reset();
    }
    if (s && s->Compile()) {
      c.set = s;
      return;
    }
    for (const std::string& p : sources) c.one_by_one.push_back(std::make_unique<RE2>(p, ColumnOptions()));
  });
  return *compiled_;
}

bool ColumnPatterns::Matches(const std::string& normalised_name) const {
  if (sources.empty()) return false;
  const Compiled& c = Compile();
  if (c.prefilter) {
    const std::vector<int>* hits = nullptr;
    const bool judged = c.prefilter->Candidates(normalised_name, &hits);
    for (size_t k = 0; k < sources.size(); ++k) {
      if (judged && c.ids[k] >= 0 && !std::binary_search(hits->begin(), hits->end(), c.ids[k])) continue;
      std::call_once(c.compile_once[k], [&] { compiled_->res[k] = std::make_unique<RE2>(sources[k], ColumnOptions()); });
      if (RE2::FullMatch(normalised_name, *c.res[k])) return true;
    }
    return false;
  }
  if (!c.set) {
    for (const auto& re : c.one_by_one)
      if (RE2::FullMatch(normalised_name, *re)) return true;
    return false;
  }
  std::vector<int> hits;
  return c.set->Match(normalised_name, &hits);
}

}  // namespace cg
