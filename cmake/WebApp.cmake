# Link options of the web module and the post-link step that assembles the
# servable folder: ${CMAKE_BINARY_DIR}/web/{index.html, cairn.js, cairn.wasm, ...}.
set(CAIRN_WEB_DIR ${CMAKE_BINARY_DIR}/web)
set(_web_src ${PROJECT_SOURCE_DIR}/web)
set_target_properties(cairn PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CAIRN_WEB_DIR})
target_link_options(cairn PRIVATE
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1
  # The page's CSP forbids eval: the loader must never evaluate strings.
  -sDYNAMIC_EXECUTION=0
  -sEXPORTED_FUNCTIONS=_main,_cairn_frames,_cairn_wake
  --js-library ${_web_src}/cairn_lib.js)
set_property(TARGET cairn APPEND PROPERTY LINK_DEPENDS ${_web_src}/cairn_lib.js)

# Files copied next to the module; index.html and sw.js get the build id.
set(CAIRN_WEB_FILES boot.js shell.css manifest.webmanifest icon.svg)
set(_web_inputs ${_web_src}/index.html ${_web_src}/sw.js)
foreach(_f ${CAIRN_WEB_FILES})
  list(APPEND _web_inputs ${_web_src}/${_f})
endforeach()
# A custom target always runs: the stamp is cheap and must follow any change
# to the module or to the page's own files.
add_custom_target(cairn_web ALL
  COMMAND ${CMAKE_COMMAND} -DSRC=${_web_src} -DOUT=${CAIRN_WEB_DIR} "-DFILES=${CAIRN_WEB_FILES}"
          -DVERSION=${PROJECT_VERSION} -P ${PROJECT_SOURCE_DIR}/cmake/StampWeb.cmake
  COMMENT "Assembling the web folder"
  VERBATIM)
add_dependencies(cairn_web cairn)
