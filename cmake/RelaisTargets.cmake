# One helper per kind of target; every project target links relais_copts for the warning set
# and the sanitizer flags, so third-party and generated code keep their own flags.
add_library(relais_copts INTERFACE)
target_compile_options(relais_copts INTERFACE
  -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wunused-result -Wimplicit-fallthrough)
if(RELAIS_WERROR)
  target_compile_options(relais_copts INTERFACE -Werror)
endif()

set(RELAIS_SANITIZER_FLAGS "")
if(RELAIS_SANITIZE)
  set(RELAIS_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
      -fno-omit-frame-pointer)
elseif(RELAIS_TSAN)
  set(RELAIS_SANITIZER_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
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
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${ARG_LABELS}")
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
