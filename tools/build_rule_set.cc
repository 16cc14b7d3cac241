// Build-time tool: loads the built-in rule packs (rules/*.yaml, as embedded in the rules layer)
// with the loader, checks what the loader leaves to first use (every secret pattern compiles),
// and writes the RuleSet's bytes (rules/rule_set_codec.h) as the C++ definition of
// kBuiltInRuleSetBytes, and the prefilter database of every column-name pattern
// (rules/prebuilt_prefilter.h) as kBuiltInColumnPrefilter. CMake runs it; the output is never
// committed. A pack that does not load fails the build with the loader's message.
//
//   build_rule_set OUT.cc
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <set>
#include <vector>

#include "prebuilt_prefilter_source.h"
#include "rules/prebuilt_prefilter.h"
#include "rules/rule_loader.h"
#include "rules/rule_set_codec.h"

namespace cg {
const std::string_view kBuiltInRuleSetBytes;  // none yet: LoadRules reads the YAML
const PrebuiltPrefilter kBuiltInColumnPrefilter = {nullptr, nullptr, 0, nullptr, 0};
}  // namespace cg

namespace {

struct ColumnSources {
  std::set<std::string> seen;
  std::vector<std::string> list;
  void Add(const cg::ColumnPatterns& c) {
    for (const auto& s : c.sources)
      if (seen.insert(s).second) list.push_back(s);
  }
  void Add(const cg::EvidenceRule& e) {
    Add(e.columns);
    Add(e.scope_columns);
  }
};

// The database of every column pattern, as C++; empty (count 0) when none compiled.
std::string ColumnPrefilter(const cg::RuleSet& set, size_t* patterns, size_t* bytes) {
  ColumnSources c;
  for (const auto& t : set.tables)
    for (const auto& e : t.evidence) c.Add(e);
  for (const auto& a : set.attributes) c.Add(a.columns);
  for (const auto& n : set.negatives) c.Add(n.match);
  c.Add(set.small_cells.columns);
  for (const auto* p : {&set.person.id_columns, &set.person.subject_columns, &set.person.aggregate_columns,
                        &set.person.facility_columns, &set.person.vocabulary_columns})
    c.Add(*p);
  *patterns = c.list.size();
  std::string out, error;
  if (!cgtools::PrebuiltPrefilterSource(c.list, true, "kBuiltInColumnPrefilter", &out, bytes, &error)) {
    std::fprintf(stderr, "build_rule_set: %s\n", error.c_str());
    std::exit(1);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: build_rule_set OUT.cc\n");
    return 2;
  }
  auto set = cg::LoadRules(false, {});
  if (!set.ok()) {
    std::fprintf(stderr, "build_rule_set: %s\n", set.status().message().c_str());
    return 1;
  }
  for (const cg::SecretRule& r : set->secrets)
    for (const cg::SecretPattern& p : r.patterns)
      if (!p.re().ok()) {
        std::fprintf(stderr, "build_rule_set: %s: rule '%s': pattern does not compile: %s\n", r.where.c_str(),
                     r.id.c_str(), p.re().error().c_str());
        return 1;
      }
  const std::string bytes = cg::EncodeRuleSet(*set);
  std::string out = "// Generated from rules/*.yaml by tools/build_rule_set.cc. Do not edit.\n"
                    "#include \"rules/prebuilt_prefilter.h\"\n#include \"rules/rule_set_codec.h\"\n"
                    "namespace cg {\nnamespace {\nconst char kBytes[] =\n" +
                    cgtools::CString(bytes.data(), bytes.size()) + ";\n}  // namespace\n" +
                    "extern const std::string_view kBuiltInRuleSetBytes(kBytes, " + std::to_string(bytes.size()) + ");\n";
  size_t column_patterns = 0, column_bytes = 0;
  out += ColumnPrefilter(*set, &column_patterns, &column_bytes) + "}  // namespace cg\n";
  std::ofstream f(argv[1], std::ios::binary);
  f << out;
  if (!f.flush()) {
    std::fprintf(stderr, "build_rule_set: cannot write %s\n", argv[1]);
    return 1;
  }
  std::printf("build_rule_set: %zu packs, %zu bytes; %zu column patterns, database %zu bytes\n", set->packs.size(),
              bytes.size(), column_patterns, column_bytes);
  return 0;
}
