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
