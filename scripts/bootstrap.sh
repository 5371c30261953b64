#!/usr/bin/env bash
# Installs everything Cairn needs on Debian 12 and fetches third-party sources
# from Debian's source packages. Idempotent: a second run only checks.
#   scripts/bootstrap.sh          native + web toolchain, sources, SDL2 for wasm
#   scripts/bootstrap.sh --test   also the browser/Xvfb test tools and clang's libFuzzer
#   --defer-sdl-wasm              all but SDL2 for wasm: scripts/sdl2_wasm.sh builds it later
#                                 (scripts/test.sh runs it beside the native steps)
set -euo pipefail
source "$(dirname "$0")/common.sh"

want_test=0
defer_sdl_wasm=0
for arg in "$@"; do
  case $arg in
    --test) want_test=1 ;;
    --defer-sdl-wasm) defer_sdl_wasm=1 ;;
    *) die "unknown option $arg" ;;
  esac
done

packages=(cmake ninja-build ccache g++ pkg-config dpkg-dev python3 python3-fonttools
          fonts-inter libsdl2-dev libgl-dev libcereal-dev rapidjson-dev doctest-dev libcurl4-openssl-dev
          emscripten nodejs)
# Chinese and Japanese text: the fallback font (src/ui/fonts.h).
packages+=(fonts-droid-fallback)
# tzdata: time zones of the desktop build (and its tests).
packages+=(tzdata)
# Tests: the browser, a display, and independent parsers of our exports.
[ $want_test = 1 ] && packages+=(chromium xvfb imagemagick xdotool npm clang libclang-rt-14-dev
                                 python3-icalendar python3-commonmark python3-jsonschema)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodesource's nodejs ships npm itself; never ask apt for Debian's npm then.
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null; then
  missing=("${missing[@]/npm}")
fi
if [[ " ${missing[*]} " == *" nodejs "* ]] && command -v node >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
read -r -a missing <<< "${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$CAIRN_DEPS/src"

# --- Source packages through a private apt configuration -------------------
# The system's apt sources stay untouched: we give apt our own folders, with a
# deb-src entry for bookworm (SDL2) and trixie (Dear ImGui 1.90.1).
apt_private() {
  local dir="$CAIRN_DEPS/apt"
  if [ ! -f "$dir/.updated" ]; then
    mkdir -p "$dir/parts" "$dir/lists/partial" "$dir/cache/archives/partial"
    local uri
    uri=$(grep -rhoE '^URIs:\s*\S+' /etc/apt/sources.list.d/ 2>/dev/null | grep -m1 -E 'debian/?$' | awk '{print $2}')
    [ -n "$uri" ] || uri=$(grep -hoE '^deb\s+\S+' /etc/apt/sources.list 2>/dev/null | grep -m1 -E 'debian/?$' | awk '{print $2}')
    [ -n "$uri" ] || uri=http://deb.debian.org/debian
    cat > "$dir/parts/cairn.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get -qq -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$dir/parts" \
      -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" update
    touch "$dir/.updated"
  fi
  apt-get -qq -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$dir/parts" \
    -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache" "$@"
}

fetch_source() { # name deb-version folder-glob
  local name=$1 version=$2 dest=$3
  [ -d "$dest" ] && return 0
  log "fetching Debian source package $name=$version"
  local tmp; tmp=$(mktemp -d "$CAIRN_DEPS/src/.fetch.XXXX")
  (cd "$tmp" && apt_private source --only-source "$name=$version" >/dev/null 2>&1) \
    || { rm -rf "$tmp"; die "could not fetch source package $name=$version"; }
  local unpacked; unpacked=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -1)
  mv "$unpacked" "$dest"
  rm -rf "$tmp"
}

IMGUI_DIR="$CAIRN_DEPS/src/imgui-$IMGUI_VERSION"
SDL2_SRC="$CAIRN_DEPS/src/libsdl2-$SDL2_VERSION"
fetch_source imgui "$IMGUI_DEB_VERSION" "$IMGUI_DIR"
fetch_source libsdl2 "$SDL2_DEB_VERSION" "$SDL2_SRC"

# --- SDL2 for WebAssembly, built once and reused ----------------------------
[ $defer_sdl_wasm = 1 ] || bash "$CAIRN_ROOT/scripts/sdl2_wasm.sh"

# --- Header-only libraries for the wasm build --------------------------------
# Never /usr/include in an emcc include path (it drags in glibc): link only
# the three header trees we need into a folder of our own.
HEADERS="$CAIRN_DEPS/wasm-headers"
mkdir -p "$HEADERS"
for h in cereal rapidjson doctest; do
  [ -e "$HEADERS/$h" ] || ln -s "/usr/include/$h" "$HEADERS/$h"
done

if [ $want_test = 1 ] && [ ! -d "$CAIRN_ROOT/tests/e2e/node_modules/playwright-core" ]; then
  log "installing browser-test packages from npm"
  (cd "$CAIRN_ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ $want_test = 1 ] && [ ! -x "$CAIRN_ROOT/tests/sync/node_modules/.bin/pouchdb-server" ]; then
  log "installing the sync tests' server (PouchDB Server, in memory) from npm"
  (cd "$CAIRN_ROOT/tests/sync" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "dependencies ready in $CAIRN_DEPS"
