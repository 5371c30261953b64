# Writes the GLSL files given in SHADERS (a ;-list) into one C++ header OUT as
# string constants: shaders/timeline_bar.vert -> kTimelineBarVert. The text
# has no #version line; src/render/shader.cpp adds the one the context needs.
# cmake -DSHADERS=a.vert|b.frag -DOUT=header.h -P EmbedShaders.cmake
string(REPLACE "|" ";" SHADERS "${SHADERS}")  # src/CMakeLists.txt joins the list with |
set(_text "// Generated from shaders/ by cmake/EmbedShaders.cmake: do not edit.\n#pragma once\n\nnamespace cairn::render::shaders {\n")
foreach(_file IN LISTS SHADERS)
  get_filename_component(_name "${_file}" NAME)
  string(REGEX REPLACE "[^A-Za-z0-9]+" ";" _words "${_name}")
  set(_symbol "k")
  foreach(_w IN LISTS _words)
    string(SUBSTRING "${_w}" 0 1 _first)
    string(SUBSTRING "${_w}" 1 -1 _rest)
    string(TOUPPER "${_first}" _first)
    string(APPEND _symbol "${_first}${_rest}")
  endforeach()
  file(READ "${_file}" _source)
  if(_source MATCHES "\\)glsl\"")
    message(FATAL_ERROR "${_file} contains the raw-string delimiter )glsl\"")
  endif()
  string(APPEND _text "\ninline constexpr char ${_symbol}[] = R\"glsl(${_source})glsl\";\n")
endforeach()
string(APPEND _text "\n}  // namespace cairn::render::shaders\n")
# Only rewrite when the text changed, so dependants are not rebuilt for nothing.
if(EXISTS "${OUT}")
  file(READ "${OUT}" _old)
  if(_old STREQUAL _text)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${_text}")
