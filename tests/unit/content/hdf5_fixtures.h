// HDF5 files written in memory by libhdf5 itself (the core driver, never a file on disk), for the
// shapes the committed h5py fixtures do not have.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cg::testing {

// A file holding one int32 dataset at path `name` of shape (rows, 4, depth): a participants x fields x
// visits tensor. Along the second axis: a 7-digit participant id, sex, year of birth, age; the
// visits repeat the values. "" when libhdf5 fails.
inline std::string MakeHdf5Tensor(const std::string& name, hsize_t rows, hsize_t depth) {
  std::vector<int32_t> values;
  for (hsize_t i = 0; i < rows; ++i) {
    const int32_t fields[4] = {static_cast<int32_t>(1000003 + i * 7919), static_cast<int32_t>(i % 2),
                               static_cast<int32_t>(1940 + (i * 13) % 50), static_cast<int32_t>(40 + (i * 7) % 30)};
    for (int32_t f : fields)
      for (hsize_t k = 0; k < depth; ++k) values.push_back(f);
  }
  std::string image;
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_fapl_core(fapl, 1 << 16, /*backing_store=*/0);
  hid_t file = H5Fcreate("tensor.h5", H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
  hsize_t dims[3] = {rows, 4, depth};
  hid_t space = H5Screate_simple(3, dims, nullptr);
  hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);  // `name` may be a path: group/dataset
  hid_t dset = file < 0 ? -1 : H5Dcreate2(file, name.c_str(), H5T_STD_I32LE, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
  H5Pclose(lcpl);
  if (dset >= 0 && H5Dwrite(dset, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0) {
    H5Dclose(dset);
    dset = -1;
    H5Fflush(file, H5F_SCOPE_GLOBAL);
    ssize_t size = H5Fget_file_image(file, nullptr, 0);
    if (size > 0) {
      image.resize(static_cast<size_t>(size));
      if (H5Fget_file_image(file, image.data(), image.size()) != size) image.clear();
    }
  }
  if (dset >= 0) H5Dclose(dset);
  H5Sclose(space);
  if (file >= 0) H5Fclose(file);
  H5Pclose(fapl);
  return image;
}

}  // namespace cg::testing
