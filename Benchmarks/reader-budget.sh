#!/usr/bin/env bash
# Issue 12's reader budget: the worst inputs found (includes that fan out, a string doubled 40 times,
# an array doubled 60 times, 10,000 nested parentheses, a file ending inside 10,000 open ones) must
# each answer in under a second, in bounded memory. Measures wall time and peak RSS of
# `closte config list --format=json` on each with /usr/bin/time -v.
# Usage: CLOSTE_BIN=.build/release/closte bash Benchmarks/reader-budget.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${CLOSTE_BIN:-.build/release/closte}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/fan-out"
for level in $(seq 0 23); do
  printf "<?php\ninclude __DIR__ . '/level%d.php';\ninclude __DIR__ . '/level%d.php';\n" $((level + 1)) $((level + 1)) \
    > "$work/fan-out/level$level.php"
done
printf '<?php\n$leaf = 1;\n' > "$work/fan-out/level24.php"
printf "<?php\ninclude __DIR__ . '/level0.php';\ndefine('AFTER', 1);\n" > "$work/fan-out/wp-config.php"

mkdir -p "$work/doubled-string" "$work/doubled-array" "$work/deep" "$work/unclosed"
{ printf "<?php\n\$s = 'x';\n"; for _ in $(seq 40); do printf '$s .= $s;\n'; done; printf "define('S', \$s);\n"; } \
  > "$work/doubled-string/wp-config.php"
{ printf "<?php\n\$a = ['abcdefgh'];\n"; for _ in $(seq 60); do printf '$a = [$a, $a];\n'; done; } \
  > "$work/doubled-array/wp-config.php"
php -r 'echo "<?php\ndefine(\"DEEP\", ", str_repeat("(", 10000), "\"deep\"", str_repeat(")", 10000), ");\n";' \
  > "$work/deep/wp-config.php"
php -r 'echo "<?php\ndefine(\"OPEN\", ", str_repeat("(", 10000), "\"x\"";' > "$work/unclosed/wp-config.php"

printf '| Input | Exit | Wall [s] | Peak RSS [MB] |\n|:---|---:|---:|---:|\n'
for input in fan-out doubled-string doubled-array deep unclosed; do
  status=0
  /usr/bin/time -v "$bin" config list --format=json --config="$work/$input/wp-config.php" \
    > /dev/null 2> "$work/time.txt" || status=$?
  wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | sed 's/.*: //')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | sed 's/.*: //')
  printf '| %s | %s | %s | %s |\n' "$input" "$status" "$wall" "$(awk -v kb="$rss" 'BEGIN { printf "%.1f", kb / 1024 }')"
done
uptime
