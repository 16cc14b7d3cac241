# cohortguard_layer(NAME [LOWER_LAYER ...] [SOURCES extra.cc ...])
#
# Builds src/NAME/*.cc as the static library cg_NAME. It links the lower layers it names, and
# compiles against an include folder that holds only NAME and those layers (symbolic links in
# the build folder), so a file that includes a header of a layer it does not name fails to
# compile, and the layering in ARCHITECTURE.md cannot erode unnoticed.
set(COHORTGUARD_LAYER_TARGETS "")
function(cohortguard_layer name)
  cmake_parse_arguments(L "" "" "SOURCES" ${ARGN})
  set(lower ${L_UNPARSED_ARGUMENTS})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.cc)
  set(view ${CMAKE_BINARY_DIR}/layers/${name})
  file(REMOVE_RECURSE ${view})
  file(MAKE_DIRECTORY ${view})
  foreach(layer ${name} ${lower})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${layer} ${view}/${layer} SYMBOLIC)
  endforeach()
  add_library(cg_${name} STATIC ${srcs} ${L_SOURCES})
  target_include_directories(cg_${name} PRIVATE ${view})
  target_compile_options(cg_${name} PRIVATE -Wall -Wextra)
  target_compile_definitions(cg_${name} PUBLIC COHORTGUARD_VERSION="${PROJECT_VERSION}")
  set(deps "")
  foreach(layer ${lower})
    list(APPEND deps cg_${layer})
  endforeach()
  target_link_libraries(cg_${name} PUBLIC ${deps} cg_third_party)
  set(COHORTGUARD_LAYER_TARGETS ${COHORTGUARD_LAYER_TARGETS} cg_${name} PARENT_SCOPE)
endfunction()
