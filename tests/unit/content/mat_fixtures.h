// MATLAB v5 files built from the format's documentation (MathWorks' "MAT-File Format"), for what
// scipy cannot write: a MATLAB `table` saved with -v7 is an mxOPAQUE_CLASS element (array flags,
// name, type system "MCOS", class name, then a uint32 reference into the hidden, unnamed
// __function_workspace__ variable that holds the real data).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cg::testing {

namespace mat_detail {
inline void Put32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
// A data element: type, byte count, the bytes, padded to 8.
inline std::string Element(uint32_t type, const std::string& data) {
  std::string e;
  Put32(&e, type);
  Put32(&e, static_cast<uint32_t>(data.size()));
  e += data;
  e.append((8 - data.size() % 8) % 8, '\0');
  return e;
}
inline std::string Flags(uint32_t cls) {
  std::string d;
  Put32(&d, cls);
  Put32(&d, 0);
  return Element(6, d);  // miUINT32
}
inline std::string Int8(const std::string& text) { return Element(1, text); }  // miINT8
inline std::string Dims(std::vector<int32_t> dims) {
  std::string d;
  for (int32_t v : dims) Put32(&d, static_cast<uint32_t>(v));
  return Element(5, d);  // miINT32
}
}  // namespace mat_detail

// A -v7 file with one MATLAB `table` variable named `name` (and the workspace beside it).
inline std::string MakeMatTableObject(const std::string& name) {
  using namespace mat_detail;
  std::string reference;
  for (uint32_t v : {0xdd000000u, 2u, 1u, 1u, 1u, 1u}) Put32(&reference, v);
  std::string metadata = Element(14, Flags(13) + Dims({6, 1}) + Int8("") + Element(6, reference));  // mxUINT32
  std::string object = Element(14, Flags(17) + Int8(name) + Int8("MCOS") + Int8("table") + metadata);
  std::string workspace = Element(14, Flags(9) + Dims({1, 16}) + Int8("") + Element(2, std::string(16, '\0')));
  std::string header = "MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: Thu Jan  1 00:00:00 2026";
  header.resize(116, ' ');
  header.append(8, '\0');                   // no subsystem data offset
  header += std::string("\x00\x01", 2) + "IM";  // version 0x0100, little-endian
  return header + object + workspace;
}

}  // namespace cg::testing
