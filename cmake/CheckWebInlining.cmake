# The web build compiles the store, and the core files its decoder calls,
# with -O2 -finline-functions (src/CMakeLists.txt): without them emcc 3.1.6
# builds them at -Os without inlining and loading 10k tasks gets ~30 % slower,
# which no other test would notice. Fails when a compile command in
# compile_commands.json (FILE) for one of those sources lacks either flag.
# Usage: cmake -DFILE=<compile_commands.json> -P CheckWebInlining.cmake
cmake_minimum_required(VERSION 3.25)
file(READ "${FILE}" json)
string(JSON count LENGTH "${json}")
set(checked 0)
set(missing "")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON source GET "${json}" ${i} file)
  if(NOT source MATCHES "/src/(store/[a-z_0-9]+|core/(fields|workspace|value|id|time))\\.cpp$")
    continue()
  endif()
  string(JSON command GET "${json}" ${i} command)
  math(EXPR checked "${checked} + 1")
  if(NOT command MATCHES " -O2( |$)" OR NOT command MATCHES " -finline-functions( |$)")
    list(APPEND missing "${source}")
  endif()
endforeach()
if(checked LESS 6)
  message(FATAL_ERROR "only ${checked} store and core sources found in ${FILE}")
endif()
if(missing)
  list(JOIN missing "\n  " listed)
  message(FATAL_ERROR "built without -O2 -finline-functions:\n  ${listed}")
endif()
message(STATUS "${checked} sources built with -O2 -finline-functions")
