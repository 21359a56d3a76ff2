# Compile settings every Linecard target shares (qBittorrent's qbt_common_cfg idea).
add_library(linecard_common INTERFACE)
target_compile_definitions(linecard_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    LINECARD_VERSION="${PROJECT_VERSION}")
target_compile_options(linecard_common INTERFACE -Wall -Wextra -pedantic)
if(LINECARD_WERROR)
    target_compile_options(linecard_common INTERFACE -Werror)
    target_compile_definitions(linecard_common INTERFACE _GLIBCXX_ASSERTIONS)
endif()

# Adds a Qt Test executable registered with CTest.
function(linecard_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE linecard_common Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=linecard.*.debug=false"
        TIMEOUT 300)
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
    # Per label, the executables it needs: `tests-<label>` builds just those (the asan run).
    foreach(label IN LISTS ARG_LABELS)
        set_property(GLOBAL APPEND PROPERTY LINECARD_TESTS_${label} ${name})
    endforeach()
endfunction()
