#!/usr/bin/env bash
# Makes docs/screenshot.png from the real desktop app: builds it, starts it
# in a virtual X server (Xvfb, 1280x800), creates a project from the
# "Computer vision" template with a real click on the welcome screen, opens
# the timeline (key 9) at month zoom, and captures the screen.
#   scripts/screenshot.sh [OUTPUT.png]     (default: docs/screenshot.png)
# Needs the test tools of scripts/bootstrap.sh --test (Xvfb, xdotool,
# ImageMagick). The app's data and preferences go to a temporary folder.
#
# The clicks are at fixed positions of the 1280x800 layout (the template
# card, the "Month" zoom button, a drag over the chart): when the layout
# moves, look at the PNG and adjust them. The script fails when no project
# was created, so a wrong click does not go unseen.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$CAIRN_ROOT"
out=$(realpath -m "${1:-docs/screenshot.png}")

for tool in Xvfb xdotool convert import; do
  command -v $tool >/dev/null || die "$tool is not installed (scripts/bootstrap.sh --test installs it)"
done
cmake --preset native-release >/dev/null
cmake --build --preset native-release --target cairn
app=build/native-release/src/cairn

work=$(mktemp -d)
display=99
while [ -e /tmp/.X11-unix/X$display ] || [ -e /tmp/.X$display-lock ]; do display=$((display + 1)); done
Xvfb :$display -screen 0 1280x800x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill $xvfb_pid 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# kill -0 also succeeds on a zombie: an exited app not yet waited for.
alive() { [ -e /proc/$1 ] && ! grep -q '^State:.*Z' /proc/$1/status 2>/dev/null; }
export DISPLAY=:$display SDL_VIDEODRIVER=x11
unset WAYLAND_DISPLAY
# A fresh workspace, preferences and home folder: the welcome screen shows.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work/home"
mkdir -p "$HOME"
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$display ] && break; sleep 0.1; done

"$app" --theme light >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 300); do
  window=$(xdotool search --onlyvisible --name '^Cairn$' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  alive $app_pid || { cat "$work/app.log"; die "the app exited before showing a window"; }
  sleep 0.1
done
[ -n "$window" ] || die "no window titled Cairn appeared within 30 s"
sleep 1
root_window=$(xdotool search --maxdepth 0 --name "" | head -1)

# Clicks are made while the app's window does not have the keyboard focus:
# with the focus, ImGui's SDL backend reads the pointer through
# SDL_GetGlobalMouseState, which lags behind synthetic moves under Xvfb
# (tests/native/desktop_smoke.sh). Keys need the focus.
click() {
  xdotool windowfocus "$root_window"; sleep 0.2
  xdotool mousemove "$1" "$2"; sleep 0.3
  xdotool click 1; sleep 0.5
}
key() {
  xdotool windowfocus "$window"; sleep 0.2
  xdotool key "$1"; sleep 0.6
}

click 300 290   # welcome screen: the "Computer vision" template card
key 9           # the timeline
click 398 54    # zoom: Month
# Pan the chart left so that the whole plan, from today on, is in view.
xdotool mousemove 1000 600; sleep 0.2
xdotool mousedown 1; sleep 0.2
for x in $(seq 980 -20 760); do xdotool mousemove "$x" 600; sleep 0.03; done
xdotool mouseup 1; sleep 0.3
xdotool mousemove 1279 799   # no hover highlight or tooltip in the picture
sleep 0.8
import -window root "$work/raw.png"

# Quit (Ctrl+Q, Ctrl held as a person does) and check that a project exists.
xdotool windowfocus "$window"; sleep 0.2
xdotool keydown ctrl; sleep 0.1; xdotool key q; sleep 0.1; xdotool keyup ctrl
for _ in $(seq 50); do alive $app_pid || break; sleep 0.1; done
wait $app_pid || die "the app exited with $? after Ctrl+Q"
app_pid=""
if ! grep -q "^cairn: 1 projects" "$work/app.log"; then
  cat "$work/app.log"
  cp "$work/raw.png" "$out.failed.png"
  die "no project was created: did the template card move? (the screen was $out.failed.png)"
fi

# Metadata stripped (no timestamps, so an unchanged picture is an unchanged
# file), and at most 256 colours: the UI has few, and the file stays ~100 KB.
mkdir -p "$(dirname "$out")"
convert "$work/raw.png" -strip -colors 256 -define png:compression-level=9 "PNG8:$out"
log "wrote $out ($(stat -c %s "$out") bytes)"
