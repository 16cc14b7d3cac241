# libFuzzer targets for the container readers: reader_fuzzer.cc built once per reader.
# Included from tests/fuzz/CMakeLists.txt (clang only). Seeds: tests/fuzz/seeds.py.
set(CONTAINER_FUZZ_READERS gzip bgzf zstd xz bzip2 archive xlsx ods notebook html json_records fhir odm utf16 text_tables)
foreach(reader ${CONTAINER_FUZZ_READERS})
  add_executable(fuzz_${reader} ${CMAKE_CURRENT_LIST_DIR}/reader_fuzzer.cc)
  target_compile_definitions(fuzz_${reader} PRIVATE FUZZ_READER="${reader}")
  target_include_directories(fuzz_${reader} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(fuzz_${reader} PRIVATE -fsanitize=fuzzer,address -fno-omit-frame-pointer)
  target_link_options(fuzz_${reader} PRIVATE -fsanitize=fuzzer,address)
  target_link_libraries(fuzz_${reader} PRIVATE libcohortguard)
endforeach()
