// Build-time tool: compiles the secret patterns of the given rule packs (rules/*.yaml) into one
// Vectorscan prefilter database for a generic x86-64 and writes it, serialised, with the
// patterns' sources, as the C++ definition of kBuiltInSecretPrefilter
// (src/rules/prebuilt_prefilter.h). CMake runs it; the output is never committed.
//
//   build_secret_prefilter OUT.cc PACK.yaml...
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <hs/hs.h>
#include <yaml-cpp/yaml.h>

#include "rules/pattern_prefilter.h"

namespace {

// Each byte as a three-digit octal escape: never read on into the next character.
std::string CString(const char* data, size_t size) {
  std::string out = "\"";
  char esc[8];
  for (size_t i = 0; i < size; ++i) {
    std::snprintf(esc, sizeof esc, "\\%03o", static_cast<unsigned char>(data[i]));
    out += esc;
    if (i % 64 == 63 && i + 1 < size) out += "\"\n\"";
  }
  return out + "\"";
}

void AddPattern(const YAML::Node& p, std::set<std::string>* seen, std::vector<std::string>* sources) {
  if (p.IsScalar() && seen->insert(p.Scalar()).second) sources->push_back(p.Scalar());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: build_secret_prefilter OUT.cc PACK.yaml...\n");
    return 2;
  }
  std::vector<std::string> sources;
  std::set<std::string> seen;
  try {
    for (int i = 2; i < argc; ++i) {
      YAML::Node root = YAML::LoadFile(argv[i]);
      YAML::Node secrets = root["secrets"];
      if (!secrets || !secrets.IsSequence()) continue;
      for (const auto& rule : secrets) {
        if (!rule.IsMap()) continue;
        if (rule["pattern"]) AddPattern(rule["pattern"], &seen, &sources);
        if (rule["patterns"] && rule["patterns"].IsSequence())
          for (const auto& p : rule["patterns"]) AddPattern(p, &seen, &sources);
      }
    }
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "build_secret_prefilter: %s\n", e.what());  // the loader's tests say where
    return 1;
  }
  hs_platform_info_t generic{};
  generic.tune = HS_TUNE_FAMILY_GENERIC;
  generic.cpu_features = 0;
  std::vector<int> always;
  hs_database_t* db = cg::CompilePrefilter(sources, false, &generic, &always);
  char* bytes = nullptr;
  size_t size = 0;
  if (db && hs_serialize_database(db, &bytes, &size) != HS_SUCCESS) {
    std::fprintf(stderr, "build_secret_prefilter: hs_serialize_database failed\n");
    return 1;
  }
  std::vector<unsigned char> is_always(sources.size(), 0);
  for (int a : always) is_always[static_cast<size_t>(a)] = 1;

  std::string out = "// Generated from rules/*.yaml by tools/build_secret_prefilter.cc. Do not edit.\n"
                    "#include \"rules/prebuilt_prefilter.h\"\nnamespace cg {\nnamespace {\n"
                    "const char* const kSources[] = {\n";
  for (const auto& s : sources) out += "  " + CString(s.data(), s.size()) + ",\n";
  out += "  nullptr};\nconst unsigned char kAlways[] = {";
  for (unsigned char a : is_always) out += a ? "1," : "0,";
  out += "0};\nconst char kDatabase[] =\n" + CString(bytes ? bytes : "", size) + ";\n}  // namespace\n";
  out += "extern const PrebuiltPrefilter kBuiltInSecretPrefilter = {kSources, kAlways, " +
         std::to_string(db ? sources.size() : 0) + ", kDatabase, " + std::to_string(size) + "};\n}  // namespace cg\n";
  std::ofstream f(argv[1], std::ios::binary);
  f << out;
  if (!f.flush()) {
    std::fprintf(stderr, "build_secret_prefilter: cannot write %s\n", argv[1]);
    return 1;
  }
  std::printf("build_secret_prefilter: %zu patterns (%zu outside the database), %zu bytes\n", sources.size(),
              always.size(), size);
  return 0;
}
