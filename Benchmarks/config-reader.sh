#!/usr/bin/env bash
# Issue 3's large-file target: a generated 30 MB wp-config.php read in under 1 s, measured with
# hyperfine on the release binary as `closte config get <name> --config=<file>` (the last constant of
# the file, so the whole file is read), side by side with `php` including the same file (issue 14:
# keep closte at least 2.5x faster). Reports wall time (hyperfine's mean and median) and the CPU
# time (user + system), which is what the machine's load does not inflate.
# Usage: bash Benchmarks/config-reader.sh [megabytes]   (default 30; needs hyperfine and php)
#        CLOSTE_BIN=.build/release/closte bash Benchmarks/config-reader.sh   (a binary already built)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-30}"
command -v hyperfine >/dev/null || { echo "config-reader.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

# The binary users install (scripts/release.sh), unless CLOSTE_BIN names one.
if [ -n "${CLOSTE_BIN:-}" ]; then
  bin=$(realpath "$CLOSTE_BIN")
else
  archive=$(bash scripts/release.sh 2>/dev/null)
  bin="${archive%.tar.gz}/closte"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
php Benchmarks/generate-config.php "$work/wp-config.php" "$megabytes"
printf '<?php\n' > "$work/wp-settings.php"
size=$(wc -c < "$work/wp-config.php")
last=$(grep -o "define( 'HEREDOC_[0-9]*'" "$work/wp-config.php" | tail -1 | grep -o "HEREDOC_[0-9]*")

# The answer must be right before the time means anything.
[ "$("$bin" config get "$last" --config="$work/wp-config.php")" = "heredoc body ${last#HEREDOC_}" ]
echo "file: $size bytes, $(grep -c '^define' "$work/wp-config.php") defines; reading up to $last" >&2

hyperfine --warmup 1 --runs 10 -N --export-markdown "$work/result.md" --export-json "$work/result.json" \
  -n "closte config get ($megabytes MB)" "$bin config get $last --config=$work/wp-config.php" \
  -n "php including it ($megabytes MB)" \
  "php -n -d memory_limit=-1 -r \"define('ABSPATH','$work/');include('$work/wp-config.php');echo(constant('$last'));\""
cat "$work/result.md"
php -r 'foreach (json_decode(file_get_contents($argv[1]), true)["results"] as $r)
  printf("%s: median %.3f s; CPU user %.3f s + system %.3f s\n", $r["command"], $r["median"], $r["user"], $r["system"]);' "$work/result.json"
uptime
