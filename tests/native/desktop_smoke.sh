#!/usr/bin/env bash
# The desktop binary in a real X server (Xvfb): it opens a window, draws the
# shell (screenshot checked not blank, theme background present), stays idle
# without input, draws on mouse movement, and quits cleanly on Ctrl+Q.
# usage: desktop_smoke.sh PATH/TO/cairn ARTIFACT_DIR
set -euo pipefail
app=$1
artifacts=$2
mkdir -p "$artifacts"
for tool in Xvfb xdotool convert import; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (scripts/bootstrap.sh --test)"; exit 1; }
done

# A display number nobody uses.
display=99
while [ -e /tmp/.X11-unix/X$display ] || [ -e /tmp/.X$display-lock ]; do display=$((display + 1)); done
# -noreset: by default Xvfb resets when its last client leaves, and an app
# starting during the reset finds no display (seen once in CI).
Xvfb :$display -screen 0 1280x800x24 -nolisten tcp -noreset >"$artifacts/xvfb.log" 2>&1 &
xvfb_pid=$!
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill $xvfb_pid 2>/dev/null || true
}
export DISPLAY=:$display
# Only X11: a failed connection must fail loudly, not fall back to another driver.
export SDL_VIDEODRIVER=x11
unset WAYLAND_DISPLAY
# The app's workspace file goes to a folder of this test, never the user's.
export XDG_DATA_HOME=$(mktemp -d)
export XDG_CONFIG_HOME="$XDG_DATA_HOME/config"  # the preferences too
trap 'cleanup; rm -rf "$XDG_DATA_HOME"' EXIT
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$display ] && break; sleep 0.1; done

fail() { echo "FAIL: $*"; exit 1; }
# kill -0 also succeeds on a zombie: an exited app not yet waited for.
alive() { [ -e /proc/$1 ] && ! grep -q '^State:.*Z' /proc/$1/status 2>/dev/null; }

# Starts the app in the background; its stdout goes to $1.
start_app() {
  local out=$1; shift
  "$app" "$@" >"$out" 2>&1 &
  app_pid=$!
  for _ in $(seq 300); do
    window=$(xdotool search --onlyvisible --name '^Cairn$' 2>/dev/null | head -1 || true)
    [ -n "$window" ] && return 0
    if ! alive $app_pid; then
      cat "$out"
      local status=0
      wait $app_pid || status=$?
      fail "the app exited with $status before showing a window"
    fi
    sleep 0.1
  done
  cat "$out"
  alive $xvfb_pid || { cat "$artifacts/xvfb.log"; fail "Xvfb died"; }
  xdotool search --name . getwindowname %@ 2>&1 | head -20 || true
  fail "no window titled Cairn appeared within 30 s"
}

frames_of() { sed -n 's/^cairn: drew \([0-9]*\) frames$/\1/p' "$1"; }

# 1. Idle: no input for 3 s -> only the first frame and a few grace frames.
start_app "$artifacts/idle.log" --exit-after-ms 3000
wait $app_pid || fail "app exited with $? (idle run)"
app_pid=""
idle_frames=$(frames_of "$artifacts/idle.log")
[ -n "$idle_frames" ] || { cat "$artifacts/idle.log"; fail "idle run printed no frame count"; }
echo "idle run: $idle_frames frames in 3 s"
[ "$idle_frames" -ge 1 ] || fail "nothing was drawn"
[ "$idle_frames" -le 12 ] || fail "$idle_frames frames drawn without input: idle is not idle"

# 2. Draws, reacts to the mouse, screenshot, then quits on Ctrl+Q.
start_app "$artifacts/active.log"
sleep 1
for x in $(seq 100 20 700); do xdotool mousemove --window "$window" "$x" 300; sleep 0.02; done
# Create a project with a real click on "+ New project". The click is made
# while the window does not have the keyboard focus: with the focus, ImGui's
# SDL backend takes the pointer position from SDL_GetGlobalMouseState, which
# lags behind synthetic (XTEST) moves under Xvfb.
root_window=$(xdotool search --maxdepth 0 --name "" | head -1)
xdotool windowfocus "$root_window"
sleep 0.2
xdotool mousemove 277 137
sleep 0.3
xdotool click 1
sleep 0.3
xdotool mousemove --window "$window" 5 5
sleep 0.5
import -window root "$artifacts/desktop.png"
# Real (XTEST) key presses go to the focused window; there is no window
# manager under Xvfb, so give the window the focus ourselves.
xdotool windowfocus "$window"
sleep 0.2
# Hold Ctrl like a person does: ImGui reads the modifiers of the frame in
# which Q goes down, and xdotool's "key ctrl+q" releases Ctrl within the
# same millisecond.
xdotool keydown ctrl
sleep 0.1
xdotool key q
sleep 0.1
xdotool keyup ctrl
for _ in $(seq 50); do alive $app_pid || break; sleep 0.1; done
alive $app_pid && fail "Ctrl+Q did not quit the app"
wait $app_pid || fail "app exited with status $? after Ctrl+Q"
app_pid=""
active_frames=$(frames_of "$artifacts/active.log")
echo "active run: $active_frames frames"
[ "$active_frames" -gt $((idle_frames + 10)) ] || fail "mouse movement did not make the app draw ($active_frames frames)"

# 3. The screenshot is a drawn UI, not a blank or black window.
colours=$(convert "$artifacts/desktop.png" -format %k info:)
background=$(convert "$artifacts/desktop.png" -fill black +opaque "rgb(246,245,242)" -fill white \
  -opaque "rgb(246,245,242)" -format "%[fx:mean]" info:)
echo "screenshot: $colours distinct colours, light-theme background covers $background of the screen"
[ "$colours" -ge 64 ] || fail "screenshot has only $colours colours: blank window?"
awk -v b="$background" 'BEGIN { exit !(b > 0.25) }' || fail "light theme background not on screen ($background)"

# 4. The project was saved and a new start loads it.
[ -s "$XDG_DATA_HOME/cairn/workspace.cairn" ] || fail "no workspace file in $XDG_DATA_HOME/cairn after quitting"
grep -q "^cairn: 1 projects, 1 items; Saved" "$artifacts/active.log" || { cat "$artifacts/active.log"; fail "the new project was not saved on quit"; }
start_app "$artifacts/reload.log" --exit-after-ms 1500
wait $app_pid || fail "app exited with $? (reload run)"
app_pid=""
grep -q "^cairn: 1 projects, 1 items" "$artifacts/reload.log" || { cat "$artifacts/reload.log"; fail "the saved project did not load on restart"; }

# 5. Export and import through the path dialog, with real keys: Ctrl+E
# suggests a file in the home folder, Enter writes it; Ctrl+O, the file's
# path typed, Enter imports it as a copy of the project.
export HOME="$XDG_DATA_HOME/home"
mkdir -p "$HOME"
ctrl_key() {
  xdotool keydown ctrl; sleep 0.1; xdotool key "$1"; sleep 0.1; xdotool keyup ctrl; sleep 0.4
}
start_app "$artifacts/files.log"
sleep 1
xdotool windowfocus "$window"
sleep 0.2
ctrl_key e
import -window root "$artifacts/desktop-export-dialog.png"
xdotool key Return
sleep 0.5
exported=$(ls "$HOME"/cairn-workspace-*.json 2>/dev/null | head -1 || true)
[ -n "$exported" ] || { cat "$artifacts/files.log"; fail "Ctrl+E, Enter wrote no cairn-workspace-DATE.json in the home folder"; }
grep -q '"format":"cairn"' "$exported" || fail "$exported is not a Cairn export"
xdotool key Return  # dismiss the "Exported" notice
sleep 0.3
ctrl_key o
xdotool type --delay 20 "$(basename "$exported")"
sleep 0.3
xdotool key Return
sleep 0.6
import -window root "$artifacts/desktop-imported.png"
xdotool key Return
sleep 0.3
# Ctrl+= twice: larger text (115 %, then 130 %), kept in the preferences.
ctrl_key equal
ctrl_key equal
import -window root "$artifacts/desktop-text-130.png"
ctrl_key q
for _ in $(seq 50); do alive $app_pid || break; sleep 0.1; done
wait $app_pid || fail "app exited with status $? after the file test"
grep -q '"uiScale":1.3' "$XDG_CONFIG_HOME/cairn/preferences.json" 2>/dev/null ||
  { cat "$XDG_CONFIG_HOME/cairn/preferences.json" 2>&1; fail "Ctrl+= did not save a larger text size"; }
app_pid=""
grep -q "^cairn: 2 projects, 2 items; Saved" "$artifacts/files.log" || { cat "$artifacts/files.log"; fail "the exported file was not imported back"; }

# 6. Chinese and Cyrillic text: a project named in both, imported through the
# path dialog, is drawn with the fallback fonts, not "?".
grep -q '"name":"Untitled project 1"' "$exported" || fail "$exported has no project named Untitled project 1"
sed 's/"name":"Untitled project 1"/"name":"数据标注 Разметка"/' "$exported" >"$HOME/cjk.json"
start_app "$artifacts/glyphs.log"
sleep 1
xdotool windowfocus "$window"
sleep 0.2
ctrl_key o
xdotool type --delay 20 "cjk.json"
sleep 0.3
xdotool key Return
sleep 0.6
xdotool key Return  # dismiss the "Imported" notice
sleep 0.6
import -window root "$artifacts/desktop-cjk.png"
ctrl_key q
for _ in $(seq 50); do alive $app_pid || break; sleep 0.1; done
wait $app_pid || fail "app exited with status $? after the glyph test"
app_pid=""
# 数 据 标 注 and Р а з м е т к (а twice, counted once): 11 characters.
grep -q "^cairn: 11 characters beyond the embedded font, 0 not drawable; fallback fonts ready" "$artifacts/glyphs.log" ||
  { cat "$artifacts/glyphs.log"; fail "the Chinese and Cyrillic project name is not drawable"; }

# 7. SIGTERM is a clean quit too (window managers and session shutdown send it).
start_app "$artifacts/term.log" --theme dark
kill -TERM $app_pid
wait $app_pid || fail "app exited with status $? on SIGTERM"
app_pid=""
grep -q "^cairn: drew" "$artifacts/term.log" || fail "app did not shut down through its own exit path on SIGTERM"
# 8. No display: a clear error and exit 1, never an invisible app running on
# SDL's offscreen fallback.
set +e
no_display=$(env -u SDL_VIDEODRIVER DISPLAY=:$((display + 1000)) timeout 20 "$app" --exit-after-ms 2000 2>&1)
status=$?
set -e
[ $status -eq 1 ] || { echo "$no_display"; fail "without a display the app exited with $status, not 1"; }
grep -q "no display" <<<"$no_display" || { echo "$no_display"; fail "without a display the app did not say so"; }

echo "PASS: desktop window"
