#!/usr/bin/env bash
# Builds SDL2 for WebAssembly from the Debian source package that
# scripts/bootstrap.sh fetched, once per machine (kept in .deps/).
set -euo pipefail
source "$(dirname "$0")/common.sh"

SDL2_SRC="$CAIRN_DEPS/src/libsdl2-$SDL2_VERSION"
[ -d "$SDL2_SRC" ] || die "no SDL2 sources in $SDL2_SRC: run scripts/bootstrap.sh first"
SDL2_WASM="$CAIRN_DEPS/sdl2-wasm-$SDL2_VERSION-emcc$(cat "$CAIRN_ROOT/emsdk-version.txt")"
if [ ! -f "$SDL2_WASM/lib/libSDL2.a" ]; then
  log "building SDL2 $SDL2_VERSION for WebAssembly (once per machine, a few minutes)"
  build="$CAIRN_DEPS/build-sdl2-wasm"
  rm -rf "$build"
  # SDL2's feature checks start emcc ~160 times (5 to 12 minutes on 2 cores);
  # for the versions we build, their results are known and given up front.
  known_checks=()
  checks_file="$CAIRN_ROOT/cmake/sdl2-$SDL2_VERSION-emcc$(cat "$CAIRN_ROOT/emsdk-version.txt")-checks.cmake"
  [ -f "$checks_file" ] && known_checks=(-C "$checks_file")
  emcmake cmake "${known_checks[@]}" -S "$SDL2_SRC" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$SDL2_WASM" >"$CAIRN_DEPS/sdl2-wasm-configure.log" 2>&1 \
    || die "SDL2 wasm configure failed, see $CAIRN_DEPS/sdl2-wasm-configure.log"
  cmake --build "$build" >"$CAIRN_DEPS/sdl2-wasm-build.log" 2>&1 && cmake --install "$build" >/dev/null \
    || die "SDL2 wasm build failed, see $CAIRN_DEPS/sdl2-wasm-build.log"
  rm -rf "$build"
fi

