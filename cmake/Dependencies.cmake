# Third-party code comes from Debian packages and Debian source packages,
# fetched by scripts/bootstrap.sh into CAIRN_DEPS_DIR (ignored by git).
# Users of a regular emsdk can set CAIRN_USE_EMSDK_PORTS=ON and point
# CAIRN_IMGUI_DIR / CAIRN_WASM_HEADERS at their own copies (see README).
if(DEFINED ENV{CAIRN_DEPS})
  set(_deps_default "$ENV{CAIRN_DEPS}")
else()
  set(_deps_default "${PROJECT_SOURCE_DIR}/.deps")
endif()
set(CAIRN_DEPS_DIR "${_deps_default}" CACHE PATH "Folder with fetched sources and caches")
set(CAIRN_IMGUI_DIR "${CAIRN_DEPS_DIR}/src/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 sources")
option(CAIRN_USE_EMSDK_PORTS "Web build: take SDL2 from emsdk's -sUSE_SDL=2 port" OFF)

# --- Header-only libraries: cereal, rapidjson, doctest ----------------------
add_library(cairn_headers INTERFACE)
if(EMSCRIPTEN)
  # Never /usr/include in an emcc build: a folder holding only these three.
  set(CAIRN_WASM_HEADERS "${CAIRN_DEPS_DIR}/wasm-headers" CACHE PATH "cereal/, rapidjson/, doctest/ for emcc")
  foreach(_h cereal rapidjson doctest)
    if(NOT EXISTS "${CAIRN_WASM_HEADERS}/${_h}")
      message(FATAL_ERROR "${CAIRN_WASM_HEADERS}/${_h} missing: run scripts/bootstrap.sh")
    endif()
  endforeach()
  target_include_directories(cairn_headers SYSTEM INTERFACE "${CAIRN_WASM_HEADERS}")
endif()
# Natively the Debian packages put them on the default include path.

if(NOT CAIRN_BUILD_APP)
  return()
endif()

# --- SDL2 ---------------------------------------------------------------------
add_library(cairn_sdl2 INTERFACE)
if(EMSCRIPTEN AND CAIRN_USE_EMSDK_PORTS)
  target_compile_options(cairn_sdl2 INTERFACE -sUSE_SDL=2)
  target_link_options(cairn_sdl2 INTERFACE -sUSE_SDL=2)
elseif(EMSCRIPTEN)
  file(READ "${PROJECT_SOURCE_DIR}/emsdk-version.txt" _em_version)
  string(STRIP "${_em_version}" _em_version)
  set(_sdl_prefix "${CAIRN_DEPS_DIR}/sdl2-wasm-2.26.5-emcc${_em_version}")
  if(NOT EXISTS "${_sdl_prefix}/lib/cmake/SDL2")
    message(FATAL_ERROR "SDL2 for WebAssembly not found in ${_sdl_prefix}: run scripts/bootstrap.sh")
  endif()
  # Without SDL2_DIR, emcmake's find_package picks a stub that adds -sUSE_SDL=2.
  set(SDL2_DIR "${_sdl_prefix}/lib/cmake/SDL2" CACHE PATH "" FORCE)
  find_package(SDL2 2.26 CONFIG REQUIRED)
  target_link_libraries(cairn_sdl2 INTERFACE SDL2::SDL2-static)
else()
  find_package(SDL2 2.26 CONFIG REQUIRED)
  target_link_libraries(cairn_sdl2 INTERFACE SDL2::SDL2)
  find_package(OpenGL REQUIRED)
  target_link_libraries(cairn_sdl2 INTERFACE OpenGL::GL)
endif()

# --- Dear ImGui 1.90.1 --------------------------------------------------------
if(NOT EXISTS "${CAIRN_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui not found in ${CAIRN_IMGUI_DIR}: run scripts/bootstrap.sh")
endif()
# The core library has no platform code: headless UI tests link only this.
add_library(imgui STATIC
  ${CAIRN_IMGUI_DIR}/imgui.cpp
  ${CAIRN_IMGUI_DIR}/imgui_draw.cpp
  ${CAIRN_IMGUI_DIR}/imgui_tables.cpp
  ${CAIRN_IMGUI_DIR}/imgui_widgets.cpp
  ${CAIRN_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${CAIRN_IMGUI_DIR} ${CAIRN_IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_KEYIO)

add_library(imgui_backends STATIC
  ${CAIRN_IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
  ${CAIRN_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${CAIRN_IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui cairn_sdl2)
if(EMSCRIPTEN)
  # WebGL2 is OpenGL ES 3.0: without this the backend speaks WebGL1.
  target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
endif()
