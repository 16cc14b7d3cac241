#include "content/binary_sniff.h"

namespace cg {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

constexpr std::string_view kOle2Magic("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
constexpr std::string_view kHdf5Magic("\x89HDF\r\n\x1a\n", 8);

// The UTF-16LE name of an OLE2 directory entry, as it sits in the directory sector.
bool HoldsStreamName(std::string_view head, std::string_view ascii) {
  std::string wide;
  for (char c : ascii) wide += std::string{c, '\0'};
  wide += std::string(2, '\0');
  return head.find(wide) != std::string_view::npos;
}

// Protocol 2 and 3 pickles have no frame opcode; one of a class instance (a pandas DataFrame)
// opens with GLOBAL "module\nname\n" right after PROTO. A history blob has no name to go by.
bool GlobalAfterProto(std::string_view head) {
  if (head.size() < 6 || head[2] != 'c') return false;
  size_t i = 3, newlines = 0;
  for (; i < head.size() && i < 3 + 256 && newlines < 2; ++i) {
    const char c = head[i];
    if (c == '\n') {
      if (i > 0 && head[i - 1] == '\n') return false;  // an empty module or name
      ++newlines;
    } else if (!(c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return newlines == 2 && head[3] != '\n';
}

}  // namespace

bool SniffBinaryFormat(std::string_view head, const std::string& ext, FileType* out) {
  if (StartsWith(head, kOle2Magic)) {
    if (ext == "xls" || ext == "xlt" || HoldsStreamName(head, "Workbook") || HoldsStreamName(head, "Book")) {
      *out = FileType::kXls;
      return true;
    }
    return false;
  }
  if (head.size() >= 128 && StartsWith(head, "MATLAB ") &&
      (head.substr(126, 2) == "IM" || head.substr(126, 2) == "MI")) {
    *out = FileType::kMat;
    return true;
  }
  for (size_t at : {0, 512, 1024, 2048})
    if (head.size() >= at + kHdf5Magic.size() && head.substr(at, kHdf5Magic.size()) == kHdf5Magic) {
      *out = FileType::kHdf5;
      return true;
    }
  if (head.size() >= 3 && head[0] == '\x80' && head[1] >= 2 && head[1] <= 5 &&
      ((head[1] >= 4 && head[2] == '\x95') || ext == "pkl" || ext == "pickle" || ext == "pck" ||
       GlobalAfterProto(head))) {
    *out = FileType::kPickle;
    return true;
  }
  return false;
}

}  // namespace cg
