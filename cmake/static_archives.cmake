# Start-up: at every start the dynamic linker maps each shared library and resolves its symbols
# (a pre-commit hook's largest cost once the rules are built at build time). These libraries
# are linked from their static archives where the system has them (Debian ships them,
# position-independent), each one a shared library fewer at start; where an archive is missing
# the shared library is linked as before. What an archive needs in turn comes from pkg-config's
# --static answer (RE2 needs Abseil on Debian 13), linked shared.
# (Boost.Program_options: Boost_USE_STATIC_LIBS, tried before find_package in CMakeLists.txt.)

# cg_static(TARGET ARCHIVE_NAME SELF [EXTRA...]): TARGET (a pkg-config imported target whose
# module prefix is SELF) links ARCHIVE_NAME, SELF's static dependencies but itself, and EXTRA.
function(cg_static target archive self)
  find_library(CG_ARCHIVE_${self} NAMES ${archive} PATHS ${${self}_LIBRARY_DIRS})
  if(NOT CG_ARCHIVE_${self})
    return()
  endif()
  set(deps ${${self}_STATIC_LIBRARIES})
  list(REMOVE_ITEM deps ${${self}_LIBRARIES})
  set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_${self}} ${deps} ${ARGN})
endfunction()

cg_static(PkgConfig::RE2 libre2.a RE2 Threads::Threads)
cg_static(PkgConfig::SQLITE3 libsqlite3.a SQLITE3 m)
cg_static(PkgConfig::HS libhs.a HS m)
cg_static(PkgConfig::FREEXL libfreexl.a FREEXL m)
find_library(CG_ARCHIVE_yaml_cpp NAMES libyaml-cpp.a)
if(CG_ARCHIVE_yaml_cpp)
  set_target_properties(yaml-cpp PROPERTIES IMPORTED_LOCATION_NONE ${CG_ARCHIVE_yaml_cpp}
                        IMPORTED_LOCATION ${CG_ARCHIVE_yaml_cpp} IMPORTED_SONAME_NONE "" IMPORTED_NO_SONAME TRUE)
endif()

# htslib, HDF5 (with its high-level library) and matio too: their shared libraries bring in a
# second libcurl, built with OpenSSL, with libssl; linked from their archives they use the
# libcurl the binary links anyway (the same API), and neither reads from a URL here: they are
# given bytes in memory. Their .pc files do not name everything the archives need (HDF5's
# names zlib only, htslib's names htscodecs, which has no -dev package): listed here.
find_library(CG_ARCHIVE_hts NAMES libhts.a)
find_library(CG_HTSCODECS NAMES htscodecs libhtscodecs.so.2)
if(CG_ARCHIVE_hts AND CG_HTSCODECS)
  set_property(TARGET PkgConfig::HTSLIB PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_hts} ${CG_HTSCODECS}
               PkgConfig::DEFLATE PkgConfig::LZMA ${BZ2_LIBRARY} PkgConfig::ZLIB PkgConfig::CURL PkgConfig::CRYPTO m
               Threads::Threads)
endif()
find_library(CG_ARCHIVE_matio NAMES libmatio.a)
find_library(CG_ARCHIVE_hdf5 NAMES libhdf5.a PATHS ${HDF5_LIBRARY_DIRS} NO_DEFAULT_PATH)
find_library(CG_ARCHIVE_hdf5_hl NAMES libhdf5_hl.a PATHS ${HDF5_LIBRARY_DIRS} NO_DEFAULT_PATH)
find_library(CG_ARCHIVE_sz NAMES libsz.a)
find_library(CG_ARCHIVE_aec NAMES libaec.a)
if(CG_ARCHIVE_matio AND CG_ARCHIVE_hdf5 AND CG_ARCHIVE_hdf5_hl AND CG_ARCHIVE_sz AND CG_ARCHIVE_aec)
  set_property(TARGET PkgConfig::HDF5 PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_hdf5_hl} ${CG_ARCHIVE_hdf5}
               ${CG_ARCHIVE_sz} ${CG_ARCHIVE_aec} PkgConfig::ZLIB PkgConfig::CURL PkgConfig::CRYPTO ${CMAKE_DL_LIBS} m
               Threads::Threads)
  set_property(TARGET PkgConfig::MATIO PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_matio} PkgConfig::HDF5)
else()
  find_library(HDF5_HL_LIBRARY NAMES hdf5_serial_hl hdf5_hl PATHS ${HDF5_LIBRARY_DIRS} REQUIRED)
  set_property(TARGET PkgConfig::HDF5 APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${HDF5_HL_LIBRARY})
endif()
