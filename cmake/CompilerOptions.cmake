# Warnings and sanitizers for every target of ours (not for third-party code).
add_library(cairn_options INTERFACE)
target_compile_options(cairn_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
target_compile_definitions(cairn_options INTERFACE CAIRN_VERSION="${PROJECT_VERSION}")

if(CAIRN_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${_san})
  add_link_options(${_san})
endif()

if(CAIRN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CAIRN_FUZZ needs clang (libFuzzer): use the native-asan preset")
  endif()
  # Coverage for libFuzzer everywhere; tests/fuzz links libFuzzer's main into
  # the fuzz executables only. UB must abort, or the fuzzer never sees it.
  # The unit tests share this build: the sanitizers are the same.
  set(_fuzz -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
            -fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/tests/fuzz/ubsan_ignorelist.txt)  # rapidjson 1.1.0
  add_compile_options(${_fuzz})
  add_link_options(-fsanitize=address,undefined)
endif()

if(EMSCRIPTEN)
  # C++ exceptions must be caught (cereal and doctest throw): compile and
  # link. WebAssembly's own exception handling rather than Emscripten's
  # JavaScript emulation, which sends every call that may unwind through a
  # JavaScript trampoline: measured on this app, decoding 10k tasks in
  # Chromium 290 -> 223 ms, and the module 48 KB smaller gzipped.
  add_compile_options(-fwasm-exceptions)
  add_link_options(-fwasm-exceptions)
endif()
