# libFuzzer targets for the structured readers: one fuzz_<reader> per tests/fuzz/*_fuzz.cc.
# Included from tests/fuzz/CMakeLists.txt (clang only). Seeds: tests/fuzz/make_structured_seeds.
file(GLOB STRUCTURED_FUZZERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_fuzz.cc)
foreach(src ${STRUCTURED_FUZZERS})
  get_filename_component(stem ${src} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" reader ${stem})
  add_executable(fuzz_${reader} ${src})
  target_include_directories(fuzz_${reader} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(fuzz_${reader} PRIVATE -fsanitize=fuzzer,address -fno-omit-frame-pointer)
  target_link_options(fuzz_${reader} PRIVATE -fsanitize=fuzzer,address)
  target_link_libraries(fuzz_${reader} PRIVATE libcohortguard)
endforeach()

# Seed corpora from the unit tests' generators: fuzz_structured_seeds OUT_DIR.
add_executable(fuzz_structured_seeds ${CMAKE_CURRENT_LIST_DIR}/make_structured_seeds.cc)
target_include_directories(fuzz_structured_seeds PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(fuzz_structured_seeds PRIVATE libcohortguard)
target_compile_definitions(fuzz_structured_seeds PRIVATE COHORTGUARD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
