// MATLAB v5 files built from the format's documentation (MathWorks' "MAT-File Format"), for what
// scipy cannot write: a MATLAB `table` saved with -v7 is an mxOPAQUE_CLASS element (array flags,
// name, type system "MCOS", class name, then a uint32 reference into the hidden, unnamed
// __function_workspace__ variable that holds the real data).
#pragma once

#include <hdf5.h>

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

// A -v7.3 file (HDF5 behind MATLAB's 512-byte user block) with one `table` variable `name`
// as MATLAB stores an object: a uint32 reference vector marked MATLAB_class "table" and
// MATLAB_object_decode 3, its data in #subsystem#/MCOS. Written by libhdf5 in memory from the
// layout MATLAB documents for -v7.3 (MATLAB itself is not in Debian). "" when libhdf5 fails.
inline std::string MakeMat73TableObject(const std::string& name) {
  std::string image;
  hid_t fcpl = H5Pcreate(H5P_FILE_CREATE);
  H5Pset_userblock(fcpl, 512);
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_fapl_core(fapl, 1 << 16, /*backing_store=*/0);
  hid_t file = H5Fcreate("table73.mat", H5F_ACC_TRUNC, fcpl, fapl);
  auto string_attr = [](hid_t obj, const char* attr, const std::string& value) {
    hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, value.size());
    hid_t sp = H5Screate(H5S_SCALAR);
    hid_t a = H5Acreate2(obj, attr, t, sp, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(a, t, value.data());
    H5Aclose(a);
    H5Sclose(sp);
    H5Tclose(t);
  };
  bool ok = file >= 0;
  if (ok) {
    const uint32_t reference[6] = {0xdd000000u, 2u, 1u, 1u, 1u, 1u};
    hsize_t dims[2] = {1, 6};
    hid_t space = H5Screate_simple(2, dims, nullptr);
    hid_t dset = H5Dcreate2(file, name.c_str(), H5T_STD_U32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    ok = dset >= 0 && H5Dwrite(dset, H5T_NATIVE_UINT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, reference) >= 0;
    if (dset >= 0) {
      string_attr(dset, "MATLAB_class", "table");
      const int32_t decode = 3;
      hid_t sp = H5Screate(H5S_SCALAR);
      hid_t a = H5Acreate2(dset, "MATLAB_object_decode", H5T_STD_I32LE, sp, H5P_DEFAULT, H5P_DEFAULT);
      H5Awrite(a, H5T_NATIVE_INT32, &decode);
      H5Aclose(a);
      H5Sclose(sp);
      H5Dclose(dset);
    }
    hid_t sub = H5Gcreate2(file, "#subsystem#", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t n = 16;
    hid_t sp = H5Screate_simple(1, &n, nullptr);
    hid_t mcos = H5Dcreate2(sub, "MCOS", H5T_STD_U8LE, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const std::vector<uint8_t> zeros(16, 0);
    if (mcos >= 0) {
      H5Dwrite(mcos, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, zeros.data());
      string_attr(mcos, "MATLAB_class", "FileWrapper__");
      H5Dclose(mcos);
    }
    H5Sclose(sp);
    H5Gclose(sub);
    H5Sclose(space);
    H5Fflush(file, H5F_SCOPE_GLOBAL);
    ssize_t size = ok ? H5Fget_file_image(file, nullptr, 0) : -1;
    if (size > 0) {
      image.resize(static_cast<size_t>(size));
      if (H5Fget_file_image(file, image.data(), image.size()) != size) image.clear();
    }
  }
  if (file >= 0) H5Fclose(file);
  H5Pclose(fapl);
  H5Pclose(fcpl);
  if (image.empty()) return "";
  // libhdf5's image starts at the superblock (its base address is past the user block): put the
  // user block, MATLAB's 128-byte header then zeros, in front.
  std::string header = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Thu Jan  1 00:00:00 2026 HDF5 schema 1.00 .";
  header.resize(116, ' ');
  header.append(8, '\0');
  header += std::string("\x00\x02", 2) + "IM";  // version 0x0200: HDF5
  header.resize(512, '\0');
  return header + image;
}

}  // namespace cg::testing
