# Assembles the servable web folder next to cairn.js and cairn.wasm.
# The build id is a hash of every file the page loads, so two builds never
# share a cache name or a URL (?v=BUILD) and the service worker can never mix
# files of two builds.
# Inputs: SRC (web/), ASSETS (assets/), OUT (output folder), VERSION,
# FALLBACK_FONTS ('|'-separated font files for characters beyond the embedded
# Latin font: copied to fonts/, fetched only when needed, so neither hashed
# into the build id nor precached; the service worker caches them on use).

# The one list of files the page loads; versioned ones carry ?v=BUILD.
set(_versioned boot.js shell.css cairn.js cairn.wasm)
set(_page_files boot.js shell.css manifest.webmanifest)
set(_asset_files icon.svg)

foreach(_f ${_page_files})
  configure_file(${SRC}/${_f} ${OUT}/${_f} COPYONLY)
endforeach()
foreach(_f ${_asset_files})
  configure_file(${ASSETS}/${_f} ${OUT}/${_f} COPYONLY)
endforeach()

string(REPLACE "|" ";" _fonts "${FALLBACK_FONTS}")
file(MAKE_DIRECTORY ${OUT}/fonts)
foreach(_font ${_fonts})
  get_filename_component(_name ${_font} NAME)
  file(COPY_FILE ${_font} ${OUT}/fonts/${_name} ONLY_IF_DIFFERENT)
endforeach()

set(_hash_input "")
foreach(_f cairn.js cairn.wasm ${_page_files} ${_asset_files})
  file(SHA256 ${OUT}/${_f} _h)
  string(APPEND _hash_input "${_f}:${_h}\n")
endforeach()
foreach(_template index.html sw.js)
  file(SHA256 ${SRC}/${_template} _h)
  string(APPEND _hash_input "${_template}:${_h}\n")
endforeach()
string(SHA256 _build "${_hash_input}")
string(SUBSTRING "${_build}" 0 12 BUILD_ID)
set(CAIRN_VERSION ${VERSION})

# The service worker's precache list, as a JavaScript array body.
set(PRECACHE "'./'")
foreach(_f ${_versioned})
  string(APPEND PRECACHE ", '${_f}?v=${BUILD_ID}'")
endforeach()
foreach(_f manifest.webmanifest ${_asset_files})
  string(APPEND PRECACHE ", '${_f}'")
endforeach()

configure_file(${SRC}/index.html ${OUT}/index.html @ONLY)
configure_file(${SRC}/sw.js ${OUT}/sw.js @ONLY)
file(WRITE ${OUT}/build-id.txt "${BUILD_ID}\n")
