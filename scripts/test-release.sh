#!/usr/bin/env bash
# Tests of the shipped release (issue 8), on one release build:
#   - scripts/release.sh builds and packs it (the build time is printed);
#   - the binary needs only the system's C libraries (checked with readelf);
#   - run where no Swift toolchain can be found (a private mount namespace with an empty tmpfs over
#     the toolchain's folder), it answers `version`, `version --format=json`, `config get` and `rpc`,
#     and reaches the Closte simulator through libcurl, loaded on first use (`domain add`, `domain list`);
#   - scripts/install.sh into a temporary prefix twice: the second run changes nothing, with and
#     without `wp` on the PATH (a stand-in `wp` that records its calls), and wp-config.php is untouched;
#   - `completion bash` of the release binary loads in bash and completes a subcommand.
# Needs root (as CI has) or unprivileged user namespaces, for unshare and mount. Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
check() { # description, then a command that must succeed
  local description="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $description"
  else
    failed=$((failed + 1))
    echo "FAILED: $description"
  fi
}

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

start=$(date +%s)
archive="$(bash scripts/release.sh)" || { echo "FAILED: scripts/release.sh"; echo "0 passed, 1 failed"; exit 1; }
echo "release build and pack: $(($(date +%s) - start)) s, $archive"
stage="${archive%.tar.gz}"
binary="$stage/closte"
version="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Diagnostics/Version.swift)"

# --- The libraries it needs: a stock Debian or Ubuntu server with PHP has each of these.
allowed='^(libc|libm|libdl|libpthread|librt|libutil|ld-linux-[a-z0-9_-]+|libstdc\+\+|libgcc_s|libssl|libcrypto|libcurl|libz)\.so'
needed="$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
echo "needed: $(echo $needed)"
check "the binary needs only glibc, libstdc++, OpenSSL, libcurl and zlib" \
  bash -c '! grep -Evq "$1" <<<"$2"' _ "$allowed" "$needed"
check "neither libcurl nor OpenSSL is linked (closte loads each on first use)" \
  bash -c '! grep -Eq "libcurl|libssl|libcrypto" <<<"$1"' _ "$needed"
check "no RUNPATH or RPATH: libraries come from the system's folders, never from beside the binary" \
  bash -c '! readelf -d "$1" | grep -Eq "\((RUNPATH|RPATH)\)"' _ "$binary"
size="$(stat -c %s "$binary")"
echo "binary: $size bytes"
check "the stripped binary is at most 12 MB (no Foundation, no ICU)" test "$size" -le 12000000

# --- Without the toolchain.
swift_path="$(readlink -f "$(command -v swift)")"
toolchain="${swift_path%/usr/bin/*}"
[ "$toolchain" != "$swift_path" ] && [ -n "$toolchain" ] || toolchain="$(dirname "$(dirname "$swift_path")")/lib/swift"
namespace=(unshare -m)
[ "$(id -u)" = 0 ] || namespace=(unshare -r -m) # a user namespace, where the kernel allows one
bare() { # runs a command with an empty tmpfs over the toolchain's folder
  "${namespace[@]}" sh -c 'mount -t tmpfs closte-no-swift "$0" && exec "$@"' "$toolchain" "$@"
}
echo "toolchain hidden: $toolchain"
check "the toolchain is gone inside the namespace" bare sh -c '! command -v swift >/dev/null && [ -z "$(ls -A "$1")" ]' _ "$toolchain"
check "the debug build cannot start there (the test has teeth)" \
  bash -c '[ ! -x .build/debug/closte ] || ! "${@:2}" sh -c "mount -t tmpfs x \"\$0\" && .build/debug/closte version" "$1" 2>/dev/null' \
  _ "$toolchain" "${namespace[@]}"

bare "$binary" version >"$scratch/version.txt" 2>&1
check "closte version answers without Swift" grep -qx "closte $version" "$scratch/version.txt"
bare "$binary" version --format=json >"$scratch/version.json" 2>&1
check "version --format=json has every field, filled in by the release build" php -r '
  $v = json_decode(file_get_contents($argv[1]), true);
  $ok = is_array($v) && $v["version"] === $argv[2] && is_int($v["protocol"])
    && preg_match("/^[0-9a-f]{12}(-dirty)?$/", $v["commit"]) && preg_match("/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/", $v["build_date"])
    && preg_match("/^\d+\.\d+/", $v["swift"]) && strpos($v["openssl"], "OpenSSL ") === 0 && $v["platform"] !== "";
  exit($ok ? 0 : 1);' "$scratch/version.json" "$version"

mkdir -p "$scratch/site"
cat >"$scratch/site/wp-config.php" <<'PHP'
<?php
define( 'DB_NAME', 'closte_release' );
define( 'DOMAIN_CURRENT_SITE', 'network.example' );
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
PHP
if "$binary" help config get >/dev/null 2>&1; then
  bare "$binary" config get DB_NAME --path="$scratch/site" >"$scratch/config.txt" 2>&1
  check "config get reads wp-config.php without Swift" grep -qx "closte_release" "$scratch/config.txt"
else
  echo "skipped: config get (not in this build's command table yet)"
fi

# What the dynamic loader really opens (LD_DEBUG=files): nothing more for `config get`; OpenSSL for
# `ssl check`, which then completes a handshake with `openssl s_server` (a self-signed certificate).
LD_DEBUG=files bare "$binary" config get DB_NAME --path="$scratch/site" >/dev/null 2>"$scratch/config-libs.txt"
check "config get opens neither OpenSSL nor libcurl" \
  bash -c 'grep -q "file=libc.so" "$1" && ! grep -Eq "file=(libssl|libcrypto|libcurl)" "$1"' _ "$scratch/config-libs.txt"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=release.example.test \
  -keyout "$scratch/tls.key" -out "$scratch/tls.crt" >/dev/null 2>&1
openssl s_server -www -accept 127.0.0.1:0 -cert "$scratch/tls.crt" -key "$scratch/tls.key" >"$scratch/s_server.out" 2>&1 &
s_server_pid=$!
for _ in $(seq 1 100); do grep -q '^ACCEPT' "$scratch/s_server.out" && break; sleep 0.1; done
tls_port="$(sed -n 's/^ACCEPT .*:\([0-9]*\)$/\1/p' "$scratch/s_server.out" | head -n 1)"
LD_DEBUG=files bare "$binary" ssl check release.example.test --connect-to=127.0.0.1 --port="$tls_port" \
  --format=json >"$scratch/ssl.json" 2>"$scratch/ssl-libs.txt"
check "ssl check loads OpenSSL on first use and reports a self-signed certificate, without Swift" \
  bash -c 'grep -q "file=libssl.so.3" "$1" && grep -q "\"self_signed\"" "$2"' _ "$scratch/ssl-libs.txt" "$scratch/ssl.json"
# Where libssl.so.3 cannot be loaded (/dev/null mounted over it), config still works and ssl check
# says what is missing.
libssl="$(ldconfig -p | sed -n 's/.*libssl\.so\.3 (libc6[^)]*) => //p' | head -n 1)"
no_openssl() { # as bare, with libssl.so.3 unloadable too
  "${namespace[@]}" sh -c 'mount -t tmpfs closte-no-swift "$0" && mount --bind /dev/null "$1" && shift && exec "$@"' \
    "$toolchain" "$libssl" "$@"
}
no_openssl "$binary" config get DB_NAME --path="$scratch/site" >"$scratch/config-no-ssl.txt" 2>&1
check "config get works where libssl.so.3 cannot be loaded" grep -qx "closte_release" "$scratch/config-no-ssl.txt"
no_openssl "$binary" ssl check release.example.test --connect-to=127.0.0.1 --port="$tls_port" >/dev/null 2>"$scratch/ssl-no-ssl.txt"
ssl_status=$?
check "ssl check without libssl.so.3: exit 1, tls_setup_failed naming the library and the package" \
  bash -c '[ "$1" = 1 ] && grep -q "libssl.so.3 cannot be loaded" "$2" && grep -q "apt-get install libssl3" "$2"' \
  _ "$ssl_status" "$scratch/ssl-no-ssl.txt"
kill "$s_server_pid" 2>/dev/null
wait "$s_server_pid" 2>/dev/null

requests=('{"id":1,"command":"version"}' 'not json' '{"id":3,"command":"help","args":["version"]}')
if "$binary" help config get >/dev/null 2>&1; then
  requests+=("{\"id\":4,\"command\":\"config get\",\"args\":[\"DB_NAME\"],\"path\":\"$scratch/site\"}")
fi
printf '%s\n' "${requests[@]}" | bare "$binary" rpc >"$scratch/rpc.txt" 2>"$scratch/rpc.err"
rpc_status=$?
check "rpc answers each request in order without Swift (exit 1: one request failed)" php -r '
  $lines = file($argv[1], FILE_IGNORE_NEW_LINES);
  $r = array_map(function ($l) { return json_decode($l, true); }, $lines);
  $ok = count($r) === (int) $argv[4] && $argv[2] === "1"
    && $r[0]["id"] === 1 && $r[0]["ok"] === true && $r[0]["data"]["version"] === $argv[3]
    && $r[1]["ok"] === false && $r[1]["error"]["code"] === "invalid_request"
    && $r[2]["id"] === 3 && $r[2]["ok"] === true
    && (count($r) === 3 || ($r[3]["ok"] === true && $r[3]["data"]["value"] === "closte_release"));
  exit($ok ? 0 : 1);' "$scratch/rpc.txt" "$rpc_status" "$version" "${#requests[@]}"

# closte's HTTP layer, over the system's libcurl (loaded on the first call), against
# the Closte simulator (the debug build of the Swift tests' step, run outside the namespace).
simulator=.build/debug/closte-simulator
if [ -x "$simulator" ] && "$binary" help domain add >/dev/null 2>&1; then
  "$simulator" --port=0 --key=release-test-key --quiet >"$scratch/simulator.out" 2>&1 &
  simulator_pid=$!
  for _ in $(seq 1 100); do [ -s "$scratch/simulator.out" ] && break; sleep 0.1; done
  port="$(head -n 1 "$scratch/simulator.out")"
  api=(--api-url="http://127.0.0.1:$port")
  CLOSTE_CLIENT_API_KEY=release-test-key bare "$binary" domain add release.example.test "${api[@]}" >"$scratch/add.txt" 2>&1
  CLOSTE_CLIENT_API_KEY=release-test-key bare "$binary" domain list --format=json "${api[@]}" >"$scratch/list.txt" 2>&1
  check "domain add and domain list reach the Closte simulator over libcurl without Swift" \
    grep -q '"release.example.test"' "$scratch/list.txt"
  kill "$simulator_pid" 2>/dev/null
  wait "$simulator_pid" 2>/dev/null
else
  echo "skipped: HTTP against the simulator (no simulator build or no domain commands yet)"
fi

# --- install.sh, twice, into a temporary prefix, from a folder holding a wp-config.php.
snapshot() { (cd "$scratch/prefix" && find . -printf '%p %y %s %T@ %l\n' | LC_ALL=C sort); }
config_sum="$(sha256sum <"$scratch/site/wp-config.php")"
(cd "$scratch/site" && PATH=/usr/bin:/bin bash "$OLDPWD/scripts/install.sh" --prefix="$scratch/prefix/bin" --from="$OLDPWD/$archive") \
  >"$scratch/install1.out" 2>&1
check "install.sh installs the binary" bash -c '"$1" version >/dev/null' _ "$scratch/prefix/bin/closte"
check "install.sh installs the bash completion" test -s "$scratch/prefix/share/bash-completion/completions/closte"
check "install.sh links the bridge's bin/closte to the binary" \
  test "$(readlink "$scratch/prefix/share/closte/wp-cli-bridge/bin/closte")" = "$scratch/prefix/bin/closte"
check "without wp, install.sh prints the --require line" \
  grep -q -- "--require=$scratch/prefix/share/closte/wp-cli-bridge/closte-command.php" "$scratch/install1.out"
snapshot >"$scratch/before"
(cd "$scratch/site" && PATH=/usr/bin:/bin bash "$OLDPWD/scripts/install.sh" --prefix="$scratch/prefix/bin" --from="$OLDPWD/$archive") \
  >"$scratch/install2.out" 2>&1
snapshot >"$scratch/after"
check "a second install.sh changes nothing" diff "$scratch/before" "$scratch/after"
check "a second install.sh says so" grep -q "nothing changed" "$scratch/install2.out"

# From the source tree (no --from): the release just built from this clean commit is used, not rebuilt.
if [ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && git rev-parse HEAD >/dev/null 2>&1; then
  for run in 1 2; do
    PATH=/usr/bin:/bin bash scripts/install.sh --prefix="$scratch/source/bin" >"$scratch/source$run.out" 2>&1
    (cd "$scratch/source" && find . -printf '%p %y %s %T@ %l\n' | LC_ALL=C sort) >"$scratch/source$run.list"
  done
  check "install.sh from the source tree uses the release of this commit, and a second run changes nothing" \
    bash -c 'grep -q "built from this commit" "$1/source1.out" && diff "$1/source1.list" "$1/source2.list"' _ "$scratch"
else
  echo "skipped: install.sh from the source tree (uncommitted changes would make it build again)"
fi

# A stand-in wp that records its calls and remembers an installed package.
mkdir -p "$scratch/fakebin"
cat >"$scratch/fakebin/wp" <<'SH'
#!/bin/sh
echo "$*" >>"$FAKE_WP_LOG"
case "$1 $2" in
  "package list") echo name; [ -f "$FAKE_WP_LOG.installed" ] && cat "$FAKE_WP_LOG.installed" ;;
  "package install") sed -n 's/^ *"name": *"\([^"]*\)".*/\1/p' "$3/composer.json" >"$FAKE_WP_LOG.installed"; echo "Success: Package installed." ;;
esac
exit 0
SH
chmod +x "$scratch/fakebin/wp"
if [ -f wp-cli-bridge/composer.json ]; then
  for run in 1 2; do
    (cd "$scratch/site" && FAKE_WP_LOG="$scratch/wp.log" PATH="$scratch/fakebin:/usr/bin:/bin" \
      bash "$OLDPWD/scripts/install.sh" --prefix="$scratch/prefix/bin" --from="$OLDPWD/$archive") >"$scratch/install-wp$run.out" 2>&1
  done
  check "with wp on the PATH, install.sh runs wp package install once, then sees it installed" \
    test "$(grep -c '^package install' "$scratch/wp.log")" = 1
else
  echo "skipped: wp package install (wp-cli-bridge/composer.json not there yet)"
fi
check "install.sh never touches wp-config.php" test "$(sha256sum <"$scratch/site/wp-config.php")" = "$config_sum"

# --- The release binary's completion script, driven as bash drives it.
"$binary" completion bash >"$scratch/completion.bash"
check "completion bash loads in bash and completes a subcommand" bash -c '
  source "$1" && complete -p closte >/dev/null || exit 1
  COMP_LINE="closte completion b"; COMP_POINT=${#COMP_LINE}; _closte
  [ "${COMPREPLY[*]}" = "bash" ]' _ "$scratch/completion.bash"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
