#!/usr/bin/env bash
# Issue 15's figures, side by side in one run, on the release archive's binary (scripts/release.sh):
#   - sizes (stripped) of closte and of the floors, and the libraries closte names (readelf -d);
#   - start time (hyperfine -N): a static stripped Swift program that only prints (the floor), the same
#     with OpenSSL linked (what linking OpenSSL would cost at start), `closte config get DB_NAME`,
#     `closte version` (which loads OpenSSL on first use), and `php -r` including the same wp-config.php;
#   - bulk `domain sync` of 1,000 new domains against closte-simulator at 50 ms latency, the default
#     concurrency (and, with ONE_AT_A_TIME=1, --concurrency=1 too, the upstream plugin's way; BULK=0 skips it).
# Usage: bash Benchmarks/lean.sh [runs]   (needs hyperfine, php, curl; a release in dist/ or builds one)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
for tool in hyperfine php curl; do
  command -v "$tool" >/dev/null || { echo "lean.sh: needs $tool" >&2; exit 1; }
done
version="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Diagnostics/Version.swift)"
stage="dist/closte-$version-linux-$(uname -m)"
[ -x "$stage/closte" ] || bash scripts/release.sh >/dev/null
bin="$PWD/$stage/closte"
swift build --product closte-simulator >/dev/null
simulator="$(swift build --show-bin-path)/closte-simulator"
work=$(mktemp -d)
sim_pid=""
trap '[ -z "$sim_pid" ] || kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
cp Benchmarks/fixtures/wp-config.php Benchmarks/fixtures/wp-settings.php "$work/"

printf 'print("closte_network")\n' >"$work/floor.swift"
printf '@_silgen_name("OpenSSL_version_num") func opensslVersion() -> UInt\nif CommandLine.arguments.count > 9 { print(opensslVersion()) }\nprint("closte_network")\n' \
  >"$work/floor-openssl.swift"
swiftc -O -static-stdlib "$work/floor.swift" -o "$work/floor" 2>/dev/null
swiftc -O -static-stdlib "$work/floor-openssl.swift" -o "$work/floor-openssl" -Xlinker -lssl -Xlinker -lcrypto 2>/dev/null
strip "$work/floor" "$work/floor-openssl"

echo "## closte $version ($(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| binary | size (stripped) |"
echo "| --- | ---: |"
for file in "$bin" "$work/floor" "$work/floor-openssl"; do echo "| $(basename "$file") | $(stat -c %s "$file") |"; done
echo "| $(basename "$stage").tar.gz | $(stat -c %s "$stage.tar.gz") |"
echo
echo "closte names (readelf -d): $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo

[ "$("$bin" config get DB_NAME --config="$work/wp-config.php")" = closte_network ]
[ "$(php -r "define('ABSPATH', '$work/'); include '$work/wp-config.php'; echo DB_NAME;")" = closte_network ]
hyperfine --warmup 20 --runs "$runs" -N --export-markdown "$work/start.md" --export-json "$work/start.json" \
  -n 'floor: static stripped Swift, print only' "$work/floor" \
  -n 'floor + OpenSSL linked' "$work/floor-openssl" \
  -n 'closte config get DB_NAME' "$bin config get DB_NAME --config=$work/wp-config.php" \
  -n 'closte version (loads OpenSSL)' "$bin version" \
  -n 'php -r include wp-config.php' "php -r \"define('ABSPATH', '$work/'); include '$work/wp-config.php'; echo DB_NAME;\"" \
  >/dev/null
cat "$work/start.md"
echo
# Medians and minimums: on a shared machine the means carry other processes' noise.
php -r '$r = json_decode(file_get_contents($argv[1]), true)["results"]; $f = $r[0];
  foreach ($r as $x) printf("%s: median %.2f ms (%.2fx the floor), min %.2f ms (%.2fx)\n", $x["command"],
    $x["median"] * 1000, $x["median"] / $f["median"], $x["min"] * 1000, $x["min"] / $f["min"]);' "$work/start.json"
echo
[ "${BULK:-1}" = 1 ] || exit 0

"$simulator" --port=0 --key=bench-key --quiet --latency=50 >"$work/port" &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(head -n 1 "$work/port")"
seq -f 'bulk-%g.example.test' 1 1000 >"$work/names.txt"
sync=(env CLOSTE_CLIENT_API_KEY=bench-key "$bin" domain sync --from="$work/names.txt" --api-url="$url" --format=json --quiet)
reset="curl -sf -X POST $url/_simulator/reset"
$reset >/dev/null
"${sync[@]}" | grep -q '"added":1000' || { echo "lean.sh: the bulk sync did not add 1,000" >&2; exit 1; }
commands=(-n 'domain sync, 1,000 adds, 50 ms, default concurrency' "${sync[*]}")
[ "${ONE_AT_A_TIME:-0}" = 0 ] || commands+=(-n 'the same, --concurrency=1' "${sync[*]} --concurrency=1")
hyperfine --runs 3 --prepare "$reset" --export-markdown "$work/bulk.md" "${commands[@]}" >/dev/null
cat "$work/bulk.md"
echo "connections for the last run's 1,001 requests: $(curl -sf "$url/_simulator/stats" | grep -o '"connections":[0-9]*' | cut -d: -f2)"
