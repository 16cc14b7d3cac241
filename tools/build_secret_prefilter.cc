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

#include <yaml-cpp/yaml.h>

#include "prebuilt_prefilter_source.h"

namespace {

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
  std::string out = "// Generated from rules/*.yaml by tools/build_secret_prefilter.cc. Do not edit.\n"
                    "#include \"rules/prebuilt_prefilter.h\"\nnamespace cg {\n";
  size_t size = 0;
  std::string error;
  if (!cgtools::PrebuiltPrefilterSource(sources, false, "kBuiltInSecretPrefilter", &out, &size, &error)) {
    std::fprintf(stderr, "build_secret_prefilter: %s\n", error.c_str());
    return 1;
  }
  out += "}  // namespace cg\n";
  std::ofstream f(argv[1], std::ios::binary);
  f << out;
  if (!f.flush()) {
    std::fprintf(stderr, "build_secret_prefilter: cannot write %s\n", argv[1]);
    return 1;
  }
  std::printf("build_secret_prefilter: %zu patterns, database %zu bytes\n", sources.size(), size);
  return 0;
}
