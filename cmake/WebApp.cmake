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
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_cairn_frames,_cairn_wake,_cairn_exec,_cairn_state,_cairn_export,_cairn_import,_cairn_store_candidate,_cairn_store_manifest,_cairn_store_chunk_key,_cairn_store_chunk,_cairn_store_manifest_done,_cairn_store_ready,_cairn_store_saved,_cairn_save_now,_cairn_import_file,_cairn_store_reload,_cairn_store_estimate,_cairn_paste_text,_cairn_fallback_font,_cairn_fallback_fonts_done,_cairn_text_input
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  # SHELL: keeps CMake from merging the repeated --js-library flags.
  "SHELL:--js-library ${_web_src}/cairn_lib.js"
  "SHELL:--js-library ${_web_src}/files.js"
  "SHELL:--js-library ${_web_src}/idb_store.js"
  "SHELL:--js-library ${_web_src}/text_input.js")
set_property(TARGET cairn APPEND PROPERTY LINK_DEPENDS ${_web_src}/cairn_lib.js ${_web_src}/files.js ${_web_src}/idb_store.js
             ${_web_src}/text_input.js)

# index.html, sw.js and the page's files, stamped with the build id. A custom
# target always runs: the stamp is cheap and must follow any change to the
# module or to the page's own files.
add_custom_target(cairn_web ALL
  COMMAND ${CMAKE_COMMAND} -DSRC=${_web_src} -DASSETS=${PROJECT_SOURCE_DIR}/assets -DOUT=${CAIRN_WEB_DIR}
          -DVERSION=${PROJECT_VERSION} -DFALLBACK_FONTS=${CAIRN_FALLBACK_FONT_LATIN}|${CAIRN_FALLBACK_FONT_CJK}
          -P ${PROJECT_SOURCE_DIR}/cmake/StampWeb.cmake
  COMMENT "Assembling the web folder"
  VERBATIM)
add_dependencies(cairn_web cairn)
