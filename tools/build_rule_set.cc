// Build-time tool: loads the built-in rule packs (rules/*.yaml, as embedded in the rules layer)
// with the loader, checks what the loader leaves to first use (every secret pattern compiles),
// and writes the RuleSet's bytes (rules/rule_set_codec.h) as the C++ definition of
// kBuiltInRuleSetBytes. CMake runs it; the output is never committed. A pack that does not load
// fails the build with the loader's message.
//
//   build_rule_set OUT.cc
#include <cstdio>
#include <fstream>
#include <string>

#include "rules/rule_loader.h"
#include "rules/rule_set_codec.h"

namespace cg {
const std::string_view kBuiltInRuleSetBytes;  // none yet: LoadRules reads the YAML
}  // namespace cg

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
                    "#include \"rules/rule_set_codec.h\"\nnamespace cg {\nnamespace {\nconst char kBytes[] =\n\"";
  char esc[8];
  for (size_t i = 0; i < bytes.size(); ++i) {  // three-digit octal: never read on into the next byte
    std::snprintf(esc, sizeof esc, "\\%03o", static_cast<unsigned char>(bytes[i]));
    out += esc;
    if (i % 64 == 63) out += "\"\n\"";
  }
  out += "\";\n}  // namespace\nextern const std::string_view kBuiltInRuleSetBytes(kBytes, " + std::to_string(bytes.size()) +
         ");\n}  // namespace cg\n";
  std::ofstream f(argv[1], std::ios::binary);
  f << out;
  if (!f.flush()) {
    std::fprintf(stderr, "build_rule_set: cannot write %s\n", argv[1]);
    return 1;
  }
  std::printf("build_rule_set: %zu packs, %zu bytes\n", set->packs.size(), bytes.size());
  return 0;
}
