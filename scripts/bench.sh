#!/usr/bin/env bash
# Builds the web app and measures it (bench/web_metrics.mjs), then the store:
# save and load of 1k, 10k and 100k tasks natively (cairn_store_bench) and in
# headless Chromium (bench/store_web.mjs), the schedule engine
# (cairn_schedule_bench, natively and in Chromium: bench/schedule_web.mjs),
# the views' frame times (cairn_ui_bench), the timeline in Chromium
# (bench/timeline_web.mjs) and team sync against PouchDB Server
# (cairn_sync_bench).
# Figures go to bench/results/ and
# are printed as Markdown tables.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$CAIRN_ROOT"
bash scripts/bootstrap.sh --test
cmake --preset web-release >/dev/null
cmake --build --preset web-release
node bench/web_metrics.mjs
# Native first: store_web.mjs reads its results for the web/native ratios.
cmake --preset native-release >/dev/null
cmake --build --preset native-release --target cairn_store_bench
build/native-release/bench/cairn_store_bench
node bench/store_web.mjs
# Timeline frame times with 10k and 100k tasks in headless Chromium.
node bench/timeline_web.mjs
# Critical path on 1k/10k/100k tasks and Monte Carlo (10k runs over 1k tasks),
# natively and as WebAssembly in headless Chromium, one after the other.
cmake --build --preset native-release --target cairn_schedule_bench
cmake --build --preset web-release --target cairn_schedule_bench_web
node bench/schedule_web.mjs
# Frame times of every view at 10k tasks (headless ImGui, CPU only).
cmake --build --preset native-release --target cairn_ui_bench
build/native-release/tests/ui/cairn_ui_bench
# Team sync against PouchDB Server on a loopback port: first upload and
# download of 1k and 10k tasks, one edit's latency, bytes per edit.
cmake --build --preset native-release --target cairn_sync_bench
build/native-release/bench/cairn_sync_bench
