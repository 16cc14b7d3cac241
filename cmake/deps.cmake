# Field-specific libraries from Debian (see README "Dependencies" for why each one).
# Every one is required: scripts/setup installs them all.
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(LZMA REQUIRED IMPORTED_TARGET liblzma)
pkg_check_modules(ARCHIVE REQUIRED IMPORTED_TARGET libarchive)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(CRYPTO REQUIRED IMPORTED_TARGET libcrypto)
pkg_check_modules(HTSLIB REQUIRED IMPORTED_TARGET htslib)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
find_library(BZ2_LIBRARY NAMES bz2 REQUIRED)
find_library(READSTAT_LIBRARY NAMES readstat REQUIRED)  # Debian ships no .pc file
target_link_libraries(cg_third_party INTERFACE
  PkgConfig::ZLIB PkgConfig::ZSTD PkgConfig::LZMA PkgConfig::ARCHIVE PkgConfig::SQLITE3
  PkgConfig::CRYPTO PkgConfig::HTSLIB PkgConfig::CURL ${BZ2_LIBRARY} ${READSTAT_LIBRARY})
# Container readers: simdjson parses notebooks and JSON records; expat reads xlsx/ods sheet XML.
pkg_check_modules(SIMDJSON REQUIRED IMPORTED_TARGET simdjson)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
target_link_libraries(cg_third_party INTERFACE PkgConfig::SIMDJSON PkgConfig::EXPAT)
# Git history pack reader: libdeflate inflates pack entries (their output size is known).
pkg_check_modules(DEFLATE REQUIRED IMPORTED_TARGET libdeflate)
target_link_libraries(cg_third_party INTERFACE PkgConfig::DEFLATE)
# Secret prefilter: Vectorscan (Hyperscan's portable fork) finds which secret patterns can match.
pkg_check_modules(HS REQUIRED IMPORTED_TARGET libhs)
target_link_libraries(cg_third_party INTERFACE PkgConfig::HS)
# Binary workbooks and arrays: FreeXL reads .xls, libhdf5 (with its high-level library for file
# images) reads HDF5 and MATLAB v7.3, matio reads MATLAB v5.
pkg_check_modules(FREEXL REQUIRED IMPORTED_TARGET freexl)
pkg_check_modules(HDF5 REQUIRED IMPORTED_TARGET hdf5)
pkg_check_modules(MATIO REQUIRED IMPORTED_TARGET matio)
# (cmake/static_archives.cmake links HDF5, its high-level library and matio from their archives.)
target_link_libraries(cg_third_party INTERFACE PkgConfig::FREEXL PkgConfig::MATIO PkgConfig::HDF5)
