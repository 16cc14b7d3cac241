// Generated documentation: the man page and bash/zsh completion, written from the command table
// (cli/commands.cc), each command's option description and the report-format table. The files
// committed under packaging/ are this output; a test checks that they are current.
#pragma once

#include <ostream>

namespace cg {

void WriteManPage(std::ostream& out);
void WriteBashCompletion(std::ostream& out);
void WriteZshCompletion(std::ostream& out);

}  // namespace cg
