#!/usr/bin/env bash
# Issue 7's figures: `closte domain sync` against closte-simulator (release builds).
#   1. 1,000 adds at 50 ms latency: --concurrency=1 (one at a time, as the upstream plugin) vs the default.
#   2. 1,000 adds at 50 ms latency with the simulator's rate limit at 20 requests/s: time, 429s, retries.
#   3. Peak memory (/usr/bin/time -v) of 100,000 desired against 100,000 on the simulator.
# Each timed run starts from an empty simulator (control API reset, then its faults set again), and
# each command's answer is checked before its time means anything.
# Usage: bash Benchmarks/sync.sh [runs-fast] [runs-slow] [sections, e.g. "1 2 3"]
#   (needs hyperfine, curl, /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs_fast=${1:-5}
runs_slow=${2:-3}
sections=" ${3:-1 2 3} "
want() { [[ "$sections" == *" $1 "* ]]; }
for tool in hyperfine curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "sync.sh: needs $tool (apt-get install hyperfine curl time)" >&2; exit 1; }
done

swift build -c release --product closte >/dev/null 2>&1 || swift build -c release --product closte
swift build -c release --product closte-simulator >/dev/null 2>&1 || swift build -c release --product closte-simulator
bin=$PWD/.build/release
work=$(mktemp -d)
sim_pid=""
stop_simulator() {
  if [ -n "$sim_pid" ]; then kill -9 "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  sim_pid=""
}
cleanup() { stop_simulator; rm -rf "$work"; }
trap cleanup EXIT

start_simulator() { # arguments: simulator options
  stop_simulator
  rm -f "$work/port"
  "$bin/closte-simulator" --port=0 --key=bench-key --quiet "$@" >"$work/port" &
  sim_pid=$!
  for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  url="http://127.0.0.1:$(head -n 1 "$work/port")"
}
stat() { curl -sf "$url/_simulator/stats" | grep -o "\"$1\":[0-9]*" | head -n 1 | cut -d: -f2; }

export CLOSTE_CLIENT_API_KEY=bench-key
for i in $(seq 1 1000); do echo "site-$i.bench.example"; done >"$work/1000.txt"

if want 1; then
echo "== 1. 1,000 adds at 50 ms latency"
start_simulator --latency=50
reset="curl -sf -X POST $url/_simulator/reset && curl -sf -X POST '$url/_simulator/faults?latency=50'"
sync="$bin/closte domain sync --from=$work/1000.txt --api-url=$url --format=json --quiet"
eval "$reset" >/dev/null
$sync >"$work/check.json"
grep -q '"added":1000,' "$work/check.json" || { echo "sync.sh: the default run did not add 1,000" >&2; exit 1; }
[ "$(stat requests)" = 1001 ] || { echo "sync.sh: expected 1,001 requests" >&2; exit 1; }
hyperfine --style basic --export-markdown "$work/adds-default.md" --export-json "$work/adds-default.json" --prepare "$reset" --runs "$runs_fast" \
  -n "default (concurrency 16)" "$sync >/dev/null"
hyperfine --style basic --export-markdown "$work/adds-one.md" --export-json "$work/adds-one.json" --prepare "$reset" --runs "$runs_slow" \
  -n "one at a time (concurrency 1)" "$sync --concurrency=1 >/dev/null"
cat "$work/adds-default.md" "$work/adds-one.md"
for file in "$work/adds-default.json" "$work/adds-one.json"; do
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]; print("median", r["command"], round(r["median"], 3), "s")' "$file"
done

fi

if want 2; then
echo "== 2. 1,000 adds at 50 ms latency, rate limit 20 requests/s"
start_simulator --latency=50 --rate-limit=20
sync="$bin/closte domain sync --from=$work/1000.txt --api-url=$url --format=json --quiet"
reset="curl -sf -X POST $url/_simulator/reset && curl -sf -X POST '$url/_simulator/faults?latency=50&rate_limit=20'"
for run in $(seq 1 "$runs_slow"); do
  eval "$reset" >/dev/null
  start=$(date +%s.%N)
  $sync --debug >"$work/limit.json" 2>"$work/limit.err"
  grep -q '"added":1000,' "$work/limit.json" || { echo "sync.sh: not all 1,000 added" >&2; exit 1; }
  end=$(date +%s.%N)
  stats=$(curl -sf "$url/_simulator/stats")
  printf 'run %d: %.2f s; simulator: %s\n' "$run" "$(awk "BEGIN { print $end - $start }")" \
    "$(echo "$stats" | grep -o '"by_status":{[^}]*}')"
  grep -o 'Sync batch: .*' "$work/limit.err"
done

fi

if want 3; then
echo "== 3. Peak memory: 100,000 desired against 100,000 on the simulator"
# The simulator holds site-1..site-100000.example.test; the list keeps 95,000 of them and adds 5,000.
start_simulator --seed-count=100000
{
  for i in $(seq 1 95000); do echo "site-$i.example.test"; done
  for i in $(seq 1 5000); do echo "new-$i.example.test"; done
} >"$work/100k.txt"
/usr/bin/time -v "$bin/closte" domain sync --from="$work/100k.txt" --api-url="$url" --format=json --quiet \
  >"$work/100k.json" 2>"$work/100k.time"
grep -o '"summary":{[^}]*}' "$work/100k.json"
grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$work/100k.time"
fi
