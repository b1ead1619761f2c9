#!/usr/bin/env bash
# Issue 12's rpc figures on the release build: `closte rpc` stays linear in its input and flat in
# memory, whatever one request waits for.
#   1. 10^6 `config get` requests through one `closte rpc`: time and peak RSS.
#   2. The same 10^6 behind one request that waits (a `domain add` the simulator never answers, bounded
#      by --timeout=20): peak RSS (before: read ahead without limit, 324 MB).
#   3. One request of 2, 8 and 12 MB on one line: time (before: quadratic, 2 MB 1.8 s, 8 MB 25 s).
#   4. One request of 20 MB: refused with invalid_request (the 16 MB cap), the stream goes on.
# Peak RSS is /usr/bin/time -v's "Maximum resident set size".
# Usage: bash Benchmarks/rpc-bounds.sh   (needs /usr/bin/time and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product closte >/dev/null 2>&1 || swift build -c release --product closte
swift build -c release --product closte-simulator >/dev/null 2>&1 || swift build -c release --product closte-simulator
bin=$PWD/.build/release
work=$(mktemp -d)
sim_pid=""
cleanup() {
  [ -z "$sim_pid" ] || kill -9 "$sim_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp Benchmarks/fixtures/wp-config.php Benchmarks/fixtures/wp-settings.php "$work/"

peak() { grep 'Maximum resident' "$1" | awk '{printf "%.1f MB", $6 / 1024}'; }
elapsed() { grep 'Elapsed (wall' "$1" | awk '{print $8}'; }

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
line = '{"id":%d,"command":"config get","args":["DB_NAME"],"config":"' + work + '/wp-config.php"}\n'
with open(work + "/million.jsonl", "w") as out:
    for i in range(1, 1000001):
        out.write(line % i)
for mb in (2, 8, 12, 20):
    with open("%s/line-%d.jsonl" % (work, mb), "w") as out:
        out.write('{"id":1,"command":"version","args":[],"pad":"' + "x" * (mb << 20) + '"}\n')
        out.write('{"id":2,"command":"version"}\n')
PY

echo "## 1. 10^6 config get requests"
/usr/bin/time -v "$bin/closte" rpc <"$work/million.jsonl" 2>"$work/t1" | grep -c '"ok":true'
echo "time $(elapsed "$work/t1"), peak RSS $(peak "$work/t1")"

echo "## 2. the same behind one request that waits 20 s"
"$bin/closte-simulator" --port=0 --key=bench-key --quiet --hang=/adddomainalias >"$work/port" &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(head -n 1 "$work/port")"
{
  echo '{"id":0,"command":"domain add","args":["slow.example"],"assoc_args":{"timeout":"20"}}'
  cat "$work/million.jsonl"
} >"$work/slow.jsonl"
CLOSTE_API_URL=$url CLOSTE_CLIENT_API_KEY=bench-key /usr/bin/time -v "$bin/closte" rpc <"$work/slow.jsonl" 2>"$work/t2" \
  | grep -c '"ok":true' || true
echo "time $(elapsed "$work/t2"), peak RSS $(peak "$work/t2")"

echo "## 3. one long line"
for mb in 2 8 12; do
  /usr/bin/time -v "$bin/closte" rpc <"$work/line-$mb.jsonl" 2>"$work/t3" >/dev/null
  echo "$mb MB: time $(elapsed "$work/t3"), peak RSS $(peak "$work/t3")"
done

echo "## 4. 20 MB: over the cap"
/usr/bin/time -v "$bin/closte" rpc <"$work/line-20.jsonl" 2>"$work/t4" | cut -c1-120
echo "time $(elapsed "$work/t4"), peak RSS $(peak "$work/t4")"
