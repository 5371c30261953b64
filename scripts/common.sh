# Shared settings for the scripts in this folder. Sourced, never run.
# Everything fetched or built lands under $CAIRN_DEPS (ignored by git).
CAIRN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CAIRN_DEPS="${CAIRN_DEPS:-$CAIRN_ROOT/.deps}"
IMGUI_VERSION=1.90.1
IMGUI_DEB_VERSION=1.90.1+ds-1
SDL2_VERSION=2.26.5
SDL2_DEB_VERSION=2.26.5+dfsg-1
# Debian's Emscripten needs its node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
export CCACHE_DIR="${CCACHE_DIR:-$CAIRN_DEPS/ccache}"

log() { printf '\033[1m[cairn]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[cairn] error:\033[0m %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
