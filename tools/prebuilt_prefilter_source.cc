#include "prebuilt_prefilter_source.h"

#include <cstdio>
#include <cstdlib>

#include <hs/hs.h>

#include "rules/pattern_prefilter.h"

namespace cgtools {

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

bool PrebuiltPrefilterSource(const std::vector<std::string>& sources, bool whole, const std::string& name,
                             std::string* out, size_t* database_bytes, std::string* error) {
  hs_platform_info_t generic{};
  generic.tune = HS_TUNE_FAMILY_GENERIC;
  generic.cpu_features = 0;
  std::vector<int> always;
  hs_database_t* db = cg::CompilePrefilter(sources, whole, &generic, &always);
  char* data = nullptr;
  size_t size = 0;
  const bool serialised = !db || hs_serialize_database(db, &data, &size) == HS_SUCCESS;
  hs_free_database(db);
  if (!serialised) {
    *error = name + ": hs_serialize_database failed";
    return false;
  }
  std::vector<unsigned char> is_always(sources.size(), 0);
  for (int a : always) is_always[static_cast<size_t>(a)] = 1;
  std::string s = "namespace {\nconst char* const " + name + "Sources[] = {\n";
  for (const auto& p : sources) s += "  " + CString(p.data(), p.size()) + ",\n";
  s += "  nullptr};\nconst unsigned char " + name + "Always[] = {";
  for (unsigned char a : is_always) s += a ? "1," : "0,";
  s += "0};\nconst char " + name + "Database[] =\n" + CString(data ? data : "", size) + ";\n}  // namespace\n";
  s += "extern const PrebuiltPrefilter " + name + " = {" + name + "Sources, " + name + "Always, " +
       std::to_string(db ? sources.size() : 0) + ", " + name + "Database, " + std::to_string(size) + "};\n";
  std::free(data);  // hs_serialize_database allocates with the default allocator (malloc)
  *out += s;
  *database_bytes = size;
  return true;
}

}  // namespace cgtools
