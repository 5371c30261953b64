#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:8080, or, with
# --desktop, builds and launches the desktop app. Installs what it needs.
#   scripts/run.sh [--port N]
#   scripts/run.sh --desktop [cairn options, e.g. --theme dark]
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$CAIRN_ROOT"

if [ "${1:-}" = "--desktop" ]; then
  shift
  bash scripts/bootstrap.sh
  cmake --preset native-release >/dev/null
  cmake --build --preset native-release --target cairn
  exec build/native-release/src/cairn "$@"
fi

port=8080
if [ "${1:-}" = "--port" ]; then port=${2:?--port needs a number}; fi
bash scripts/bootstrap.sh
cmake --preset web-release >/dev/null
cmake --build --preset web-release --target cairn_web
exec node scripts/serve.mjs build/web-release/web "$port"
