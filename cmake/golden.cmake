# Shared build settings and the one-line helpers every folder uses.

add_library(golden_options INTERFACE)
target_compile_options(golden_options INTERFACE -Wall -Wextra -Wpedantic -Werror)
# GCC 12 at -O2/-O3 reports -Wrestrict on std::string concatenation inside libstdc++ (GCC bug
# 105651), which breaks -Werror release builds; the warning is off for GCC only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(golden_options INTERFACE -Wno-restrict)
endif()
target_include_directories(golden_options INTERFACE ${PROJECT_SOURCE_DIR}/src)
if(GOLDEN_BUILD_FUZZ)
  # Coverage instrumentation and AddressSanitizer for everything the fuzz targets link.
  target_compile_options(golden_options INTERFACE -fsanitize=fuzzer-no-link,address
                         -fno-omit-frame-pointer)
  target_link_options(golden_options INTERFACE -fsanitize=address)
endif()
if(GOLDEN_SANITIZE)
  target_compile_options(golden_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(golden_options INTERFACE -fsanitize=address,undefined)
endif()

# golden_library(NAME SOURCES... [DEPS ...] [PRIVATE_DEPS ...])
function(golden_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC golden_options ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# golden_test(NAME SOURCES... DEPS ...): a GoogleTest binary registered with CTest.
function(golden_test name)
  if(NOT GOLDEN_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE golden_options golden_testing ${ARG_DEPS}
                        GTest::gtest GTest::gmock)
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "GOLDEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    DISCOVERY_TIMEOUT 60)
endfunction()
