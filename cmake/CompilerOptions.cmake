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

if(EMSCRIPTEN)
  # C++ exceptions must be caught (cereal and doctest throw): compile and link.
  add_compile_options(-fexceptions)
  add_link_options(-fexceptions)
endif()
