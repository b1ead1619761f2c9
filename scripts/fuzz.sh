#!/usr/bin/env bash
# Fuzzes closte's parsers of untrusted input with libFuzzer (the toolchain's -sanitize=fuzzer) and
# AddressSanitizer: the wp-config.php reader and PHP lexer, JSONParser, and the rpc stream reader.
#
#   scripts/fuzz.sh [seconds]     default 60; not part of CI's default run
#
# Seeds come from the differential fixtures and a few JSON requests; crashes are written to
# .build/fuzz/crashes/ and make the script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
work=.build/fuzz
mkdir -p "$work/corpus" "$work/crashes"

sources=$(find Sources/ClosteKit -name '*.swift' | sort)
echo "fuzz: building the fuzzer (this takes a few minutes)" >&2
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ClosteKit \
  -I Sources/COpenSSL $(pkg-config --libs openssl 2>/dev/null || echo -lssl -lcrypto) \
  $sources Tests/Fuzz/FuzzTarget.swift -o "$work/closte-fuzz"

# Seeds: one file per parser, the first byte choosing it (see Tests/Fuzz/FuzzTarget.swift).
for fixture in Tests/ClosteKitTests/WPConfig/Fixtures/differential/*.php; do
  name=$(basename "$fixture" .php)
  { printf '\x00'; cat "$fixture"; } > "$work/corpus/config-$name"
  { printf '\x01'; cat "$fixture"; } > "$work/corpus/lexer-$name"
done
printf '\x02{"id":1,"command":"config get","args":["DB_NAME"],"assoc_args":{"format":"json"}}' > "$work/corpus/json-request"
printf '\x02[1,-2.5e3,"a\\u00e9\\ud83d\\ude00",{"k":[true,false,null]}]' > "$work/corpus/json-values"
printf '\x03\x07{"id":1,"command":"version"}\nnot json\n{\n "id": 2,\n "command": "x"\n}\n{"id":3}' > "$work/corpus/rpc-stream"

"$work/closte-fuzz" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1
