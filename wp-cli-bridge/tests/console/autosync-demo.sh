#!/usr/bin/env bash
# The bridge README's autosync example: autosync on a subdomain network whose Closte account has the
# network's wildcard alias, then the nightly sync's dry run, which finds nothing to do. Prints what to
# paste between the README's autosync-demo markers.
#   bash wp-cli-bridge/tests/console/autosync-demo.sh     (after `swift build`)
set -euo pipefail
cd "$(dirname "$0")/../../.."
export CLOSTE_BIN="${CLOSTE_BIN:-$PWD/.build/debug/closte}"
simulator="${CLOSTE_SIMULATOR:-$(dirname "$CLOSTE_BIN")/closte-simulator}"
work="$(mktemp -d)"
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/site"
cat > "$work/site/wp-config.php" <<'PHP'
<?php
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'network.example' );
define( 'CLOSTE_CLIENT_API_KEY', 'demo-closte-key' );
$table_prefix = 'wp_';
PHP
echo '*.network.example' > "$work/seed"
"$simulator" --port=0 --key=demo-closte-key --quiet --seed="$work/seed" > "$work/port" &
pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
export CLOSTE_API_URL="http://127.0.0.1:$(head -n1 "$work/port")"
unset CLOSTE_CLIENT_API_KEY

echo '```console'
(cd "$work/site" && php "$OLDPWD/wp-cli-bridge/tests/console/autosync-demo.php" 2>&1) | sed -e "s#$work/site#/var/www/html#g"
echo '```'
