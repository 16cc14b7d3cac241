// OptionDoc: one command-line option as help, the man page and shell completion describe it,
// read from a command's boost::program_options description (so all three come from one table).
#pragma once

#include <string>
#include <vector>

#include <boost/program_options/options_description.hpp>

namespace cg {

struct OptionDoc {
  std::string long_name;     // "format"
  std::string short_name;    // "f", or empty
  std::string value_name;    // "FILE", "auto|always|never"; empty for switches
  std::string default_value; // empty when none
  std::string description;
  std::vector<std::string> choices;  // from a value name with '|'
  bool takes_path = false;           // value name FILE or PATH
};

std::vector<OptionDoc> OptionDocs(const boost::program_options::options_description& d);

}  // namespace cg
