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

# The parsers live in the modules Values, Diagnostics, PHPReader and WPConfig, and the rpc stream reader
# in ClosteKit/Protocol: compiled here as one module (their imports of each other dropped, one package
# name for their `package` declarations), without the C targets they do not need.
mkdir -p "$work/src"
rm -f "$work/src/"*.swift
for file in $(find Sources/Values Sources/Diagnostics Sources/PHPReader Sources/WPConfig -name '*.swift' ! -name CoreDumps.swift) \
  Sources/ClosteKit/Protocol/RPCStreamReader.swift Sources/ClosteKit/Protocol/JSONFramer.swift; do
  grep -v -E '^(@testable )?import (Values|Diagnostics|PHPReader|WPConfig|ClosteKit|CProcessGuard)$' "$file" \
    > "$work/src/$(echo "$file" | tr / _)"
done
grep -v -E '^(@testable )?import (Values|Diagnostics|PHPReader|WPConfig|ClosteKit)$' Tests/Fuzz/FuzzTarget.swift \
  > "$work/src/FuzzTarget.swift"
echo "fuzz: building the fuzzer (this takes a few minutes)" >&2
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ClosteFuzz -package-name closte \
  "$work/src/"*.swift -o "$work/closte-fuzz"

# Seeds: one file per parser, the first byte choosing it (see Tests/Fuzz/FuzzTarget.swift).
for fixture in Tests/WPConfigTests/Fixtures/differential/*.php; do
  name=$(basename "$fixture" .php)
  { printf '\x00'; cat "$fixture"; } > "$work/corpus/config-$name"
  { printf '\x01'; cat "$fixture"; } > "$work/corpus/lexer-$name"
done
printf '\x02{"id":1,"command":"config get","args":["DB_NAME"],"assoc_args":{"format":"json"}}' > "$work/corpus/json-request"
printf '\x02[1,-2.5e3,"a\\u00e9\\ud83d\\ude00",{"k":[true,false,null]}]' > "$work/corpus/json-values"
printf '\x03\x07{"id":1,"command":"version"}\nnot json\n{\n "id": 2,\n "command": "x"\n}\n{"id":3}' > "$work/corpus/rpc-stream"

"$work/closte-fuzz" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1
