// Magic-byte recognition of the binary workbook and array formats read by the xls, HDF5, MATLAB
// and pickle readers, apart from content/file_type.cc so that the table of formats stays short.
#pragma once

#include <string>
#include <string_view>

#include "content/file_type.h"

namespace cg {

// Sets *out and returns true when `head` (the first bytes of a file named with lower-case
// extension `ext`) is an Excel 97-2003 workbook (an OLE2 compound file named .xls/.xlt or whose
// head holds a "Workbook"/"Book" directory entry), an HDF5 file (signature at 0, 512, 1024 or
// 2048), a MATLAB .mat (v5 or v7.3: the 128-byte text header ending in "IM"/"MI") or a Python
// pickle of protocol 2-5 (protocol 4-5 open with a FRAME; 2-3 need a .pkl/.pickle/.pck name).
bool SniffBinaryFormat(std::string_view head, const std::string& ext, FileType* out);

}  // namespace cg
