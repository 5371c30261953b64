#!/usr/bin/env bash
# The desktop binary's headless commands on real files: every shipped
# template validates and schedules, --json output reads in Python's json
# module (an independent parser), and each exit code is the documented one.
# usage: cli_smoke.sh PATH/TO/cairn REPO_ROOT
set -euo pipefail
app=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

expect_exit() {  # expected-code, then the command
  local want=$1; shift
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  set -e
  [ "$got" -eq "$want" ] || { cat "$tmp/out" "$tmp/err"; fail "$* exited with $got, not $want"; }
}

for template in "$root"/assets/templates/*.json; do
  name=$(basename "$template")
  expect_exit 0 "$app" validate "$template"
  grep -q " 0 problem(s)" "$tmp/out" || { cat "$tmp/out"; fail "validate $name found problems"; }
  expect_exit 0 "$app" schedule "$template" --start 2026-01-05 --iterations 500
  [ "$name" = blank.json ] && continue
  grep -q "^Forecast (500 runs, PERT-beta): P50 2026-" "$tmp/out" || { cat "$tmp/out"; fail "no forecast for $name"; }
  grep -q " yes$" "$tmp/out" || { cat "$tmp/out"; fail "no critical task in $name"; }
  expect_exit 0 "$app" schedule "$template" --json --start 2026-01-05 --iterations 500
  /usr/bin/python3 - "$tmp/out" <<'PY' || fail "schedule --json of $name"
import json, sys
doc = json.load(open(sys.argv[1]))
project = doc["projects"][0]
tasks = project["tasks"]
assert tasks, "no tasks"
for t in tasks:
    assert t["totalSlack"] >= -1e-9, t
    assert abs(t["earlyFinish"] - t["earlyStart"] - t["durationDays"]) < 1e-6, t
critical = [t["id"] for t in tasks if t["critical"]]
assert set(project["criticalPath"]) <= set(critical), "chain not critical"
last = max(t["earlyFinish"] for t in tasks)
assert abs(last - project["durationDays"]) < 1e-6
f = project["forecast"]
assert f["iterations"] == 500 and f["p50"] <= f["p80"] <= f["p95"], f
PY
done

# The same seed, the same figures.
"$app" schedule "$root/assets/templates/nlp-llm.json" --json --seed 9 --start 2026-01-05 >"$tmp/a"
"$app" schedule "$root/assets/templates/nlp-llm.json" --json --seed 9 --start 2026-01-05 >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "two runs with seed 9 differ"

printf '{"format":"cairn","version":1,"items":[{]}' >"$tmp/broken.json"
expect_exit 1 "$app" validate "$tmp/broken.json"
grep -q "^problem: .*broken.json" "$tmp/out" || { cat "$tmp/out"; fail "validate did not explain the broken file"; }
expect_exit 3 "$app" schedule "$tmp/missing.json"
grep -q "missing.json" "$tmp/err" || fail "no file name in: $(cat "$tmp/err")"
expect_exit 2 "$app" schedule "$root/assets/templates/tabular.json" --iterations many
grep -q "^usage:" "$tmp/err" || fail "no usage on a wrong option"
echo "PASS: cli"
