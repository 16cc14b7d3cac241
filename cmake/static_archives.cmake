# Start-up: at every start the dynamic linker maps each shared library and resolves its symbols
# (a pre-commit hook's largest cost once the rules are built at build time). These libraries
# are linked from their static archives instead: Debian ships them position-independent, and no
# other library the binary loads needs them, so each one is a shared library fewer at start.
# (Boost.Program_options: Boost_USE_STATIC_LIBS, set before find_package.)
foreach(lib re2 yaml-cpp sqlite3 hs freexl)
  string(MAKE_C_IDENTIFIER ${lib} id)
  find_library(CG_ARCHIVE_${id} NAMES lib${lib}.a REQUIRED)
endforeach()
set_property(TARGET PkgConfig::RE2 PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_re2} Threads::Threads)
set_property(TARGET PkgConfig::SQLITE3 PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_sqlite3} m)
set_property(TARGET PkgConfig::HS PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_hs} m)
set_property(TARGET PkgConfig::FREEXL PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_freexl} m)
set_target_properties(yaml-cpp PROPERTIES IMPORTED_LOCATION_NONE ${CG_ARCHIVE_yaml_cpp}
                      IMPORTED_LOCATION ${CG_ARCHIVE_yaml_cpp} IMPORTED_SONAME_NONE "" IMPORTED_NO_SONAME TRUE)

# htslib, HDF5 (with its high-level library) and matio too: their shared libraries bring in a
# second libcurl, built with OpenSSL, with its own TLS, LDAP and Kerberos libraries; linked from
# their archives they use the libcurl the binary links anyway (the same API), and neither reads
# from a URL here: they are given bytes in memory.
find_library(CG_ARCHIVE_hts NAMES libhts.a REQUIRED)
find_library(CG_HTSCODECS NAMES htscodecs libhtscodecs.so.2 REQUIRED)  # no -dev package: by soname
find_library(CG_ARCHIVE_matio NAMES libmatio.a REQUIRED)
find_library(CG_ARCHIVE_hdf5 NAMES libhdf5.a PATHS ${HDF5_LIBRARY_DIRS} NO_DEFAULT_PATH REQUIRED)
find_library(CG_ARCHIVE_hdf5_hl NAMES libhdf5_hl.a PATHS ${HDF5_LIBRARY_DIRS} NO_DEFAULT_PATH REQUIRED)
find_library(CG_ARCHIVE_sz NAMES libsz.a REQUIRED)
find_library(CG_ARCHIVE_aec NAMES libaec.a REQUIRED)
set_property(TARGET PkgConfig::HTSLIB PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_hts} ${CG_HTSCODECS}
             PkgConfig::DEFLATE PkgConfig::LZMA ${BZ2_LIBRARY} PkgConfig::ZLIB PkgConfig::CURL PkgConfig::CRYPTO m
             Threads::Threads)
set_property(TARGET PkgConfig::HDF5 PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_hdf5_hl} ${CG_ARCHIVE_hdf5}
             ${CG_ARCHIVE_sz} ${CG_ARCHIVE_aec} PkgConfig::ZLIB PkgConfig::CURL PkgConfig::CRYPTO ${CMAKE_DL_LIBS} m
             Threads::Threads)
set_property(TARGET PkgConfig::MATIO PROPERTY INTERFACE_LINK_LIBRARIES ${CG_ARCHIVE_matio} PkgConfig::HDF5)
