#!/usr/bin/env bash
# The release binary's figures: size, the libraries it needs, and its start time against the floor
# of a Swift program linked the same way. The floors show what each layer of Foundation costs:
#   stdlib        print a constant (the Swift runtime only)
#   essentials    FoundationEssentials: Date, URL
#   foundation    Foundation: the same plus a formatted Date (pulls in ICU and its data)
#   networking    Foundation + FoundationNetworking: a URLSession created (libcurl loaded)
# each built with -O -static-stdlib and stripped, as the release is.
# Usage: bash Benchmarks/release.sh   (runs scripts/release.sh first unless dist/ has this version)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "release.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

version="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Diagnostics/Version.swift)"
stage="dist/closte-$version-linux-$(uname -m)"
[ -x "$stage/closte" ] || bash scripts/release.sh >/dev/null
bin="$stage/closte"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'print("closte")\n' >"$work/stdlib.swift"
printf 'import FoundationEssentials\nprint("closte", Date().timeIntervalSince1970 > 0, URL(string: "https://a/b")?.path ?? "")\n' \
  >"$work/essentials.swift"
printf 'import Foundation\nprint("closte", Date())\n' >"$work/foundation.swift"
printf 'import Foundation\nimport FoundationNetworking\nlet session = URLSession(configuration: .ephemeral)\nprint("closte", Date())\n' \
  >"$work/networking.swift"
for floor in stdlib essentials foundation networking; do
  extra=()
  [ "$floor" != networking ] || extra=(-Xlinker -lcurl)
  swiftc -O -static-stdlib "$work/$floor.swift" -o "$work/$floor" "${extra[@]}" 2>/dev/null
  strip "$work/$floor"
done

echo "## closte $version, $(uname -m), Swift $(swift --version 2>&1 | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1)"
echo
echo "| binary | size (stripped) | gzip -9 |"
echo "| --- | ---: | ---: |"
for file in "$bin" "$work/stdlib" "$work/essentials" "$work/foundation" "$work/networking"; do
  echo "| $(basename "$file") | $(stat -c %s "$file") | $(gzip -9 -c "$file" | wc -c) |"
done
echo "| dist/$(basename "$stage").tar.gz | $(stat -c %s "$stage.tar.gz") | |"
echo
echo "Libraries closte names (readelf -d, NEEDED):"
echo
readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/- \1/p'
echo
echo "All it loads (ldd):"
echo
echo '```'
ldd "$bin" | sed 's/ (0x[0-9a-f]*)//'
echo '```'
echo
hyperfine --warmup 20 --runs 300 -N --export-markdown "$work/start.md" \
  -n 'closte version' "$bin version" \
  -n 'floor: stdlib' "$work/stdlib" \
  -n 'floor: FoundationEssentials' "$work/essentials" \
  -n 'floor: Foundation' "$work/foundation" \
  -n 'floor: Foundation + URLSession' "$work/networking" >&2
cat "$work/start.md"
