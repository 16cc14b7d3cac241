// cohortguard --help, `cohortguard help [COMMAND]`, and each command's --help: one layout, read
// from the command table and each command's option description. `help --man` and
// `help --completion bash|zsh` write the packaging files (cli/doc_generators.cc).
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/doc_generators.h"
#include "cli/option_docs.h"
#include "report/report.h"

namespace cg {
namespace {

constexpr size_t kWidth = 80;
constexpr size_t kColumn = 34;

// Word-wraps `text` to kWidth, continuation lines indented to kColumn.
std::string Wrap(const std::string& text, size_t first_column) {
  std::istringstream words(text);
  std::string word, out;
  size_t col = first_column;
  while (words >> word) {
    if (col > kColumn && col + 1 + word.size() > kWidth) {
      out += "\n" + std::string(kColumn, ' ');
      col = kColumn;
    } else if (col > first_column || (!out.empty())) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
  }
  return out;
}

std::string Synopsis(const Command& c) {
  std::string s = c.synopsis ? c.synopsis : std::string("cohortguard ") + c.name;
  std::string out = "usage: ";
  for (char ch : s) out += ch == '\n' ? std::string("\n       ") : std::string(1, ch);
  return out;
}

}  // namespace

void PrintCommandHelp(const Command& c, std::ostream& out) {
  out << Synopsis(c) << "\n\n" << c.summary << "\n";
  if (!c.options) return;
  out << "\noptions:\n";
  for (const auto& o : OptionDocs(c.options())) {
    std::string left = "  " + (o.short_name.empty() ? std::string("    ") : "-" + o.short_name + ", ") + "--" + o.long_name;
    if (!o.value_name.empty()) left += " " + o.value_name;
    std::string desc = o.description;
    if (!o.default_value.empty()) desc += " (default: " + o.default_value + ")";
    if (left.size() + 2 > kColumn) out << left << "\n" << std::string(kColumn, ' ');
    else out << left << std::string(kColumn - left.size(), ' ');
    out << Wrap(desc, kColumn) << "\n";
  }
}

void PrintMainHelp(std::ostream& out) {
  out << "usage: cohortguard <command> [options]\n\n"
         "Stops participant-level research data and research-platform credentials from leaking through git.\n\n"
         "commands:\n";
  for (const auto& c : Commands()) {
    if (c.hidden) continue;
    std::string name = c.name;
    out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary << "\n";
  }
  out << "\nreport formats: " << ReportFormatNames() << "\n"
      << "exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 scan incomplete\n"
      << "\n'cohortguard help COMMAND' or 'cohortguard COMMAND --help' describes each command.\n";
}

int RunHelpCommand(const std::vector<std::string>& args) {
  if (args.empty()) {
    PrintMainHelp(std::cout);
    return kExitClean;
  }
  if (args[0] == "--man" && args.size() == 1) {
    WriteManPage(std::cout);
    return kExitClean;
  }
  if (args[0] == "--completion" && args.size() == 2 && (args[1] == "bash" || args[1] == "zsh")) {
    if (args[1] == "bash") WriteBashCompletion(std::cout);
    else WriteZshCompletion(std::cout);
    return kExitClean;
  }
  if (args[0] == "--completion") return UsageError("help: --completion takes bash or zsh");
  const Command* c = args.size() == 1 ? FindCommand(args[0]) : nullptr;
  if (!c) return UsageError("help: no command '" + args[0] + "' (see 'cohortguard --help')");
  PrintCommandHelp(*c, std::cout);
  return kExitClean;
}

}  // namespace cg
