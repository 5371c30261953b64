# Assembles the servable web folder. The build id is a hash of every file the
# page loads, so two builds never share a cache name or a URL (?v=BUILD) and
# the service worker can never mix files of two builds.
# Inputs: SRC (web/), OUT (output folder), FILES (copied as is), VERSION.
set(_hash_input "")
foreach(_f ${FILES})
  configure_file(${SRC}/${_f} ${OUT}/${_f} COPYONLY)
endforeach()
foreach(_f cairn.js cairn.wasm ${FILES} index.html sw.js)
  if(EXISTS ${OUT}/${_f} AND NOT _f STREQUAL "index.html" AND NOT _f STREQUAL "sw.js")
    file(SHA256 ${OUT}/${_f} _h)
  else()
    file(SHA256 ${SRC}/${_f} _h)
  endif()
  string(APPEND _hash_input "${_f}:${_h}\n")
endforeach()
string(SHA256 _build "${_hash_input}")
string(SUBSTRING "${_build}" 0 12 BUILD_ID)
set(CAIRN_VERSION ${VERSION})
configure_file(${SRC}/index.html ${OUT}/index.html @ONLY)
configure_file(${SRC}/sw.js ${OUT}/sw.js @ONLY)
file(WRITE ${OUT}/build-id.txt "${BUILD_ID}\n")
