#!/usr/bin/env bash
# Runs every `wp closte` command of wp-cli-bridge/README.md against the Closte simulator and prints
# each command line with its output, for pasting into the README. Uses tests/console/wp-closte.php
# (the stand-in for WP-CLI) so that it runs where WP-CLI is not installed.
#   bash wp-cli-bridge/tests/console/readme-demo.sh     (after `swift build`)
set -euo pipefail
cd "$(dirname "$0")/../../.."
export CLOSTE_BIN="${CLOSTE_BIN:-$PWD/.build/debug/closte}"
simulator="${CLOSTE_SIMULATOR:-$(dirname "$CLOSTE_BIN")/closte-simulator}"
work="$(mktemp -d)"
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/site/wp-content/uploads/wu-logs"
cat > "$work/site/wp-config.php" <<'PHP'
<?php
define( 'DB_NAME', 'network' );
define( 'DB_USER', 'network' );
define( 'DB_PASSWORD', 'demo-db-password' );
define( 'DB_HOST', 'localhost' );
$table_prefix = 'wp_';
define( 'WP_ALLOW_MULTISITE', true );
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'network.example' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );
define( 'SUNRISE', true );
define( 'CLOSTE_CLIENT_API_KEY', 'demo-closte-key' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
PHP
printf 'shop.example.org\n*.example.net\nblog.example.com\n' > "$work/site/domains.txt"

"$simulator" --port=0 --key=demo-closte-key --quiet > "$work/port" &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
export CLOSTE_API_URL="http://127.0.0.1:$(head -n1 "$work/port")"

run() {
  local shown="" word
  for word in "$@"; do
    case "$word" in *[\ \*\'\"]*) shown+=" '$word'" ;; *) shown+=" $word" ;; esac
  done
  echo "\$ wp closte${shown}"
  set +e
  (cd "$work/site" && php "$OLDPWD/wp-cli-bridge/tests/console/wp-closte.php" "$@" 2>&1)
  local status=$?
  set -e
  [ "$status" = 0 ] || echo "(exit $status)"
  echo
}

run version
run check
run config path
run config get DOMAIN_CURRENT_SITE
run config has SUNRISE
run config list --fields=name,value
run domain add example.com '*.example.net' --www=always
run domain list
run domain list --format=json
run domain remove example.com
run domain sync --from=domains.txt --dry-run
run domain sync --from=domains.txt --prune
run dns check localhost --expect=127.0.0.1 --resolver=127.0.0.1:1 --timeout=1
run ssl check localhost --port=1 --timeout=1
run domain status localhost --timeout=1
run doctor --timeout=2
run domain add 'not a domain'
