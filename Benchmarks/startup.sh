#!/usr/bin/env bash
# Issue 3's speed targets, measured with hyperfine (median of many runs) on the release build:
#   1. `closte config get DB_NAME` against a Swift program that only prints a constant (the floor of
#      starting a Swift process) and against `php -r` including the same wp-config.php;
#   2. 1,000 `config get` requests through one `closte rpc`.
# Usage: bash Benchmarks/startup.sh   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "startup.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

swift build -c release --product closte >/dev/null
bin=.build/release/closte
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Benchmarks/fixtures/wp-config.php Benchmarks/fixtures/wp-settings.php "$work/"

printf 'print("closte_network")\n' > "$work/floor.swift"
swiftc -O "$work/floor.swift" -o "$work/floor" 2>/dev/null

for i in $(seq 1 1000); do
  printf '{"id":%d,"command":"config get","args":["DB_NAME"],"config":"%s/wp-config.php"}\n' "$i" "$work"
done > "$work/requests.jsonl"

# The answers must agree before the times mean anything.
[ "$("$bin" config get DB_NAME --config="$work/wp-config.php")" = closte_network ]
[ "$(php -r "define('ABSPATH', '$work/'); include '$work/wp-config.php'; echo DB_NAME;")" = closte_network ]
[ "$("$bin" rpc < "$work/requests.jsonl" | grep -c '"ok":true')" = 1000 ]

hyperfine --warmup 20 --runs 200 -N --export-markdown "$work/start.md" \
  -n 'swift floor (print a constant)' "$work/floor" \
  -n 'closte config get DB_NAME' "$bin config get DB_NAME --config=$work/wp-config.php" \
  -n 'php -r include wp-config.php' "php -r \"define('ABSPATH', '$work/'); include '$work/wp-config.php'; echo DB_NAME;\""
hyperfine --warmup 5 --runs 50 --export-markdown "$work/rpc.md" \
  -n 'closte rpc, 1000 config get requests' "$bin rpc < $work/requests.jsonl"
cat "$work/start.md" "$work/rpc.md"
