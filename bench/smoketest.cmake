# Runs a benchmark program with --smoke; passes when it exits 0 and prints its figures.
# cmake -DPROGRAM=<path> [-DEXPECT=<regex>] [-DFLOOR=1] -P smoketest.cmake
# FLOOR: the program must also print its bare-relay floor, measured (count > 0).
if(NOT DEFINED EXPECT)
    set(EXPECT "count=[1-9][0-9]* p50=[0-9.]+ ms p99=[0-9.]+ ms max=[0-9.]+ ms")
endif()
execute_process(COMMAND ${PROGRAM} --smoke
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --smoke exited with ${rc}\n${err}")
endif()
if(NOT out MATCHES "${EXPECT}")
    message(FATAL_ERROR "${PROGRAM} --smoke printed no figures (wanted /${EXPECT}/)\n${err}")
endif()
if(NOT out MATCHES "cores=[0-9]+" AND NOT out MATCHES "contacts=")
    message(FATAL_ERROR "${PROGRAM} --smoke did not print the core count")
endif()
if(FLOOR AND NOT out MATCHES "floor: p50=[0-9.]+ ms p99=[0-9.]+ ms \\(bare relay, [^\n]*count=[1-9]")
    message(FATAL_ERROR "${PROGRAM} --smoke printed no measured floor\n${err}")
endif()
