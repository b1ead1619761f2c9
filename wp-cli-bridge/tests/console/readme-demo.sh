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
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];'; }

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
pids+=($!)

# A DNS server on loopback that knows the network and two customer domains (one pointing elsewhere),
# and an HTTPS server with a self-signed certificate, for dns check, ssl check, status and doctor.
dns_port="$(free_port)"
dnsmasq --no-daemon --port="$dns_port" --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts \
  --pid-file= --user=root --address=/network.example/127.0.0.1 --address=/shop.example.org/127.0.0.1 \
  --cname=blog.example.com,network.example --address=/elsewhere.example/192.0.2.7 2>/dev/null &
pids+=($!)
tls_port="$(free_port)"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=shop.example.org" \
  -addext "subjectAltName=DNS:shop.example.org" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl s_server -quiet -accept "$tls_port" -cert "$work/cert.pem" -key "$work/key.pem" -www >/dev/null 2>&1 &
pids+=($!)
sleep 0.5
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
export CLOSTE_API_URL="http://127.0.0.1:$(head -n1 "$work/port")"

# The README shows stable names for what changes from run to run: the temporary WordPress root,
# the temporary folder and the free ports.
tidy() {
  sed -e "s#$work/site#/var/www/html#g" -e "s#$work#/tmp/demo#g" -e "s#127.0.0.1:$dns_port#127.0.0.1:5353#g" \
    -e "s#port=$tls_port#port=8443#g" -e "s#:$tls_port\b#:8443#g"
}

run() {
  local shown="" word
  for word in "$@"; do
    case "$word" in *[\ \*\'\"]*) shown+=" '$word'" ;; *) shown+=" $word" ;; esac
  done
  echo "\$ wp closte${shown}" | tidy
  set +e
  (cd "$work/site" && php "$OLDPWD/wp-cli-bridge/tests/console/wp-closte.php" "$@" 2>&1) | tidy
  local status=${PIPESTATUS[0]}
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
run dns check shop.example.org --resolver="127.0.0.1:$dns_port"
run dns check blog.example.com --resolver="127.0.0.1:$dns_port" --format=json
run dns check elsewhere.example --resolver="127.0.0.1:$dns_port"
run ssl check shop.example.org --resolver="127.0.0.1:$dns_port" --port="$tls_port"
run ssl check shop.example.org --resolver="127.0.0.1:$dns_port" --port="$tls_port" --ca-file="$work/cert.pem"
run domain status shop.example.org --resolver="127.0.0.1:$dns_port" --port="$tls_port" --ca-file="$work/cert.pem"
run domain wait shop.example.org --resolver="127.0.0.1:$dns_port" --port="$tls_port" --interval=10 --max-tries=1
run doctor shop.example.org --resolver="127.0.0.1:$dns_port" --port="$tls_port" --ca-file="$work/cert.pem"
run domain add 'not a domain'
