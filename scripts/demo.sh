#!/usr/bin/env bash
# The main job, end to end, against the bundled Closte simulator: builds closte, starts
# closte-simulator on a free loopback port, then runs check, domain add (with a wildcard and --www),
# domain list and domain remove in a WordPress root made from examples/wp-config.php, whose
# CLOSTE_CLIENT_API_KEY is the simulator's demo key. Stops the simulator on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

echo "==> Building closte and closte-simulator (swift build)"
build_log=$(mktemp "${TMPDIR:-/tmp}/closte-demo-build.XXXXXX")
if ! { swift build --product closte && swift build --product closte-simulator; } >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 1
fi
rm -f "$build_log"
bin=$(swift build --show-bin-path)

work=$(mktemp -d "${TMPDIR:-/tmp}/closte-demo.XXXXXX")
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A WordPress root: the example wp-config.php and Ultimate Multisite's log folder.
wp="$work/wordpress"
mkdir -p "$wp/wp-content/uploads/wu-logs"
cp "$repo/examples/wp-config.php" "$wp/wp-config.php"

echo "==> Starting closte-simulator on a free loopback port"
"$bin/closte-simulator" --port=0 --key=demo-closte-key --latency=20 >"$work/simulator.out" 2>/dev/null &
sim_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(head -n 1 "$work/simulator.out" 2>/dev/null || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "demo: the simulator did not start" >&2; exit 1; }
echo "    listening on http://127.0.0.1:$port"

# The key comes from wp-config.php, as on Closte; only the API base points at the simulator.
unset CLOSTE_CLIENT_API_KEY
export CLOSTE_API_URL="http://127.0.0.1:$port"
export PATH="$bin:$PATH"
cd "$wp"
echo "    WordPress root: $wp (CLOSTE_API_URL=$CLOSTE_API_URL)"

run() {
  local shown="" argument
  for argument in "$@"; do
    case "$argument" in
      *[\ \*\?/\&]*) shown+=" '$argument'" ;;
      *) shown+=" $argument" ;;
    esac
  done
  echo
  echo "\$${shown}"
  "$@" 2>&1 || echo "(exit status $?)"
}

run closte check
run closte domain add shop.example.com 'bücher.example' '*.example.org' --www=always
run closte domain add example.co.uk shop.example.co.uk --www=main_only
run closte domain add shop.example.com
run closte domain list
run closte domain remove www.shop.example.com '*.example.org' never-added.example.com
run closte domain list --format=json
run closte domain add 'https://not-a-domain.example/path'

echo
echo "\$ cat wp-content/uploads/wu-logs/integration-closte.log"
cat wp-content/uploads/wu-logs/integration-closte.log
echo
echo "==> Done: the simulator is stopped and $work removed."
