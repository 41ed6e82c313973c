# ctest smoke test of relais-load: a short self-test must exit 0 and end with a `ratio` line.
execute_process(COMMAND ${LOAD} --self-test --clients 8 --seconds 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "relais-load exited with ${rc}: ${err}")
endif()
string(STRIP "${out}" out)
string(REGEX MATCH "[^\n]*$" last "${out}")
if(NOT last MATCHES "^ratio [0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "last line is not 'ratio N': '${last}'")
endif()
