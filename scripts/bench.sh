#!/usr/bin/env bash
# Builds the web app and measures it (bench/web_metrics.mjs); figures go to
# bench/results/ and are printed as a Markdown table.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$CAIRN_ROOT"
bash scripts/bootstrap.sh --test
cmake --preset web-release >/dev/null
cmake --build --preset web-release
node bench/web_metrics.mjs
