#!/usr/bin/env bash
# Issue 4's figure: how long `closte domain add` of 100 domains takes against closte-simulator with
# 50 ms of added latency per answer (the release build; hyperfine, median of several runs). Each run
# starts from an empty simulator (its control API's reset), so every run adds all 100.
# Usage: bash Benchmarks/client-add.sh [latency-ms] [runs]   (needs hyperfine and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
latency=${1:-50}
runs=${2:-5}
for tool in hyperfine curl; do
  command -v "$tool" >/dev/null || { echo "client-add.sh: needs $tool (apt-get install $tool)" >&2; exit 1; }
done

swift build -c release --product closte >/dev/null 2>&1 || swift build -c release --product closte
swift build -c release --product closte-simulator >/dev/null 2>&1 || swift build -c release --product closte-simulator
bin=.build/release
work=$(mktemp -d)
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/closte-simulator" --port=0 --key=bench-key --latency="$latency" --quiet >"$work/port" &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -n 1 "$work/port")
url="http://127.0.0.1:$port"

domains=$(for i in $(seq 1 100); do printf 'site-%d.bench.example ' "$i"; done)
command="$bin/closte domain add $domains--www=never --api-url=$url --format=count"
reset="curl -sf -X POST $url/_simulator/reset"

# The answer must be right before the time means anything: 100 added, 101 requests (1 list + 100 adds).
$reset >/dev/null
[ "$(CLOSTE_CLIENT_API_KEY=bench-key $command)" = 100 ]
[ "$(curl -sf "$url/_simulator/stats" | grep -o '"requests":[0-9]*')" = '"requests":101' ]

export CLOSTE_CLIENT_API_KEY=bench-key
hyperfine --warmup 1 --runs "$runs" --prepare "$reset" --export-markdown "$work/add.md" \
  --export-json "$work/add.json" -n "domain add, 100 domains, ${latency} ms latency" "$command"
cat "$work/add.md"
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('median %.3f s' % r['median'])" \
  "$work/add.json"
