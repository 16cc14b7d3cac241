#include "cli/hook_shims.h"

namespace cg {
namespace {

// 'text' for sh, whatever it contains.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

bool IsShimHook(const std::string& hook) {
  return hook == "pre-commit" || hook == "pre-push" || hook == "pre-receive";
}

std::string ShimText(const std::string& hook, const std::string& binary) {
  // pre-push and pre-receive read ref lines on stdin: kept in a variable so that both
  // cohortguard and the chained hook see them.
  bool reads_stdin = hook != "pre-commit";
  std::string s =
      "#!/bin/sh\n"
      "# " + std::string(kShimMarker) + ": " + hook + "\n"
      "# Runs 'cohortguard hook " + hook + "', then the hook this one replaced, if any\n"
      "# (" + hook + kChainedSuffix + " beside it). Written by 'cohortguard hook install';\n"
      "# reinstall rather than edit. COHORTGUARD=/path/to/cohortguard overrides the binary.\n"
      "CG=${COHORTGUARD:-}\n"
      "[ -n \"$CG\" ] || CG=" + ShellQuote(binary) + "\n"
      "if ! command -v \"$CG\" >/dev/null 2>&1; then\n"
      "  echo \"cohortguard: '$CG' not found, so the " + hook + " check cannot run: blocking.\" >&2\n"
      "  echo \"  Reinstall with 'cohortguard hook install', or set COHORTGUARD.\" >&2\n"
      "  exit 1\n"
      "fi\n"
      "chained=\"$(dirname \"$0\")/" + hook + kChainedSuffix + "\"\n";
  if (reads_stdin) {
    s += "input=$(cat)\n"
         "feed() { if [ -n \"$input\" ]; then printf '%s\\n' \"$input\"; fi; }\n"
         "feed | \"$CG\" hook " + hook + " \"$@\" || exit $?\n"
         "if [ -x \"$chained\" ]; then feed | \"$chained\" \"$@\"; exit $?; fi\n";
  } else {
    s += "\"$CG\" hook " + hook + " \"$@\" || exit $?\n"
         "if [ -x \"$chained\" ]; then exec \"$chained\" \"$@\"; fi\n";
  }
  s += "exit 0\n";
  return s;
}

}  // namespace cg
