#!/usr/bin/env bash
# The browser suite, N times in a row (default 5) on a fresh clone of this checkout's HEAD: the
# proof that e2e cannot flake. Stops at the first red run and keeps its output; prints one line
# per run and a summary. Usage: scripts/e2e-loop.sh [runs]   (pnpm e2e:loop [runs])
set -euo pipefail
runs="${1:-5}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "e2e-loop: runs must be a positive whole number, got '$runs'" >&2; exit 2; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ringside-e2e-loop.XXXXXX")"
head="$(git -C "$repo" rev-parse --short HEAD)"
git clone -q "$repo" "$work/main"
# the specs read ../shared (fixtures) beside the repo root, as on CI
[ -e "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
cd "$work/main"
echo "e2e-loop: HEAD $head, $runs runs, in $work/main"
pnpm install --frozen-lockfile --reporter=silent
passed=0
for run in $(seq 1 "$runs"); do
  log="$work/run-$run.log"
  started=$(date +%s)
  if pnpm exec vitest run --project @ringside/e2e >"$log" 2>&1; then
    passed=$((passed + 1))
    tests=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests ' | tr -s ' ')
    echo "e2e-loop: run $run/$runs green in $(($(date +%s) - started)) s ($tests)"
  else
    echo "e2e-loop: run $run/$runs RED after $(($(date +%s) - started)) s; its output: $log" >&2
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'FAIL|✗|×|AssertionError|Error:' | head -20 >&2
    echo "e2e-loop: $passed of $runs green before the first red run (HEAD $head)" >&2
    exit 1
  fi
done
echo "e2e-loop: $passed of $runs green in a row (HEAD $head)"
rm -rf "$work"
