# One helper per kind of target; every project target links relais_copts for the warning set
# and the sanitizer flags, so third-party and generated code keep their own flags.
add_library(relais_copts INTERFACE)
target_compile_options(relais_copts INTERFACE
  -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wunused-result -Wimplicit-fallthrough)
if(RELAIS_WERROR)
  target_compile_options(relais_copts INTERFACE -Werror)
endif()

set(RELAIS_SANITIZER_FLAGS "")
if(RELAIS_FUZZ)
  # libFuzzer targets (tests/fuzz/): every project object gets ASan + UBSan and libFuzzer's
  # coverage instrumentation (fuzzer-no-link); only the *_fuzzer executables link libFuzzer's
  # main. Debian's gRPC/protobuf/yaml-cpp are not instrumented, which libFuzzer tolerates.
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RELAIS_FUZZ needs clang: cmake -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(RELAIS_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
      -fno-omit-frame-pointer)
  add_compile_options(-fsanitize=fuzzer-no-link)
elseif(RELAIS_SANITIZE)
  set(RELAIS_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
      -fno-omit-frame-pointer)
elseif(RELAIS_TSAN)
  set(RELAIS_SANITIZER_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC warns that TSan does not model std::atomic_thread_fence, which Boost.Asio's
    # std_fenced_block uses around every handler; with -Werror that stops the build. Asio's
    # handler queue is mutex-protected, which TSan does see, so the warning is only noise here.
    target_compile_options(relais_copts INTERFACE -Wno-tsan)
  endif()
endif()
if(RELAIS_SANITIZER_FLAGS)
  # Applied globally so generated protobuf code and tests are instrumented the same way.
  add_compile_options(${RELAIS_SANITIZER_FLAGS})
  add_link_options(${RELAIS_SANITIZER_FLAGS})
endif()

# relais_library(NAME SOURCES... [DEPS ...]): a static library of project code.
function(relais_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE relais_copts)
endfunction()

# relais_binary(NAME SOURCES... [DEPS ...]): an executable landing in build/bin.
function(relais_binary name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} relais_copts)
endfunction()

# relais_test(NAME SOURCES... [DEPS ...] [LABELS ...]): a GoogleTest binary registered with ctest.
function(relais_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main
                        relais_copts)
  # gtest_discover_tests hands PROPERTIES over a command line that splits lists, which keeps
  # only the first label; the labels are set instead by a ctest include file run after the
  # discovered tests' file (which lists them in ${name}_TESTS).
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
  set(labels_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake)
  file(WRITE ${labels_file} "if(DEFINED ${name}_TESTS)\n  set_tests_properties(\${${name}_TESTS} "
       "PROPERTIES LABELS \"${ARG_LABELS}\")\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${labels_file})
endfunction()

# relais_benchmark(NAME SOURCES... [DEPS ...]): a Google Benchmark binary; ctest gives it one
# quick pass (the figures come from full runs, not from ctest).
function(relais_benchmark name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;SMOKE_ARGS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} benchmark::benchmark benchmark::benchmark_main
                        relais_copts)
  add_test(NAME ${name}.smoke COMMAND ${name} --benchmark_min_time=0.001 ${ARG_SMOKE_ARGS})
  set_tests_properties(${name}.smoke PROPERTIES LABELS benchmark)
endfunction()

# relais_fuzzer(NAME SOURCES... [DEPS ...]): a libFuzzer executable landing in build/fuzz
# (RELAIS_FUZZ builds only; deploy/fuzz.sh builds and runs them by name).
function(relais_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} relais_copts)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
endfunction()
