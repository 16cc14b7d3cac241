#include "cli/option_docs.h"

#include <boost/program_options/cmdline.hpp>

namespace cg {
namespace po = boost::program_options;

std::vector<OptionDoc> OptionDocs(const po::options_description& d) {
  std::vector<OptionDoc> out;
  for (const auto& opt : d.options()) {
    OptionDoc doc;
    doc.long_name = opt->long_name();
    std::string shortest = opt->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (shortest.size() == 2 && shortest[0] == '-' && shortest[1] != '-') doc.short_name = shortest.substr(1);
    doc.description = opt->description();
    if (opt->semantic()->max_tokens() > 0) {
      std::string param = opt->format_parameter();  // "NAME" or "NAME (=default)"
      size_t def = param.find(" (=");
      doc.value_name = param.substr(0, def);
      if (def != std::string::npos) doc.default_value = param.substr(def + 3, param.size() - def - 4);
      for (size_t start = 0; doc.value_name.find('|') != std::string::npos && start <= doc.value_name.size();) {
        size_t bar = doc.value_name.find('|', start);
        if (bar == std::string::npos) bar = doc.value_name.size();
        doc.choices.push_back(doc.value_name.substr(start, bar - start));
        start = bar + 1;
      }
      doc.takes_path = doc.value_name == "FILE" || doc.value_name == "PATH";
    }
    out.push_back(std::move(doc));
  }
  return out;
}

}  // namespace cg
