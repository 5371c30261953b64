#!/usr/bin/env bash
# The timeline's GL renderer in a real OpenGL 3.3 context under Xvfb (Mesa,
# no GPU): 100k bars, no GL error, pixels read back (tests/native/timeline_gl.cpp).
# usage: timeline_gl.sh PATH/TO/cairn_timeline_gl ARTIFACT_DIR
set -euo pipefail
bin=$1
artifacts=$2
mkdir -p "$artifacts"
command -v Xvfb >/dev/null || { echo "FAIL: Xvfb is not installed (scripts/bootstrap.sh --test)"; exit 1; }
display=99
while [ -e /tmp/.X11-unix/X$display ] || [ -e /tmp/.X$display-lock ]; do display=$((display + 1)); done
Xvfb :$display -screen 0 1280x800x24 -nolisten tcp -noreset >"$artifacts/timeline-xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$display ] && break; sleep 0.1; done
export DISPLAY=:$display SDL_VIDEODRIVER=x11
unset WAYLAND_DISPLAY
"$bin" --bars 100000 --frames 30 --ppm "$artifacts/timeline-gl-100k.ppm"
if command -v convert >/dev/null; then
  convert "$artifacts/timeline-gl-100k.ppm" "$artifacts/timeline-gl-100k.png" && rm -f "$artifacts/timeline-gl-100k.ppm"
fi
