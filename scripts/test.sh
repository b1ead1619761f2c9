#!/usr/bin/env bash
# The whole test suite: the Swift tests (unit and end-to-end, against real PHP, dnsmasq,
# openssl s_server and the Closte simulator on loopback) and the WP-CLI bridge's PHPUnit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
swift test --skip-build

# The WP-CLI bridge: PHP syntax of every file, then its PHPUnit tests against the binary just built.
find wp-cli-bridge -name '*.php' -print0 | xargs -0 -n1 php -l >/dev/null
php -l wp-cli-bridge/tests/fixtures/fake-closte >/dev/null
CLOSTE_BIN="$PWD/.build/debug/closte" CLOSTE_SIMULATOR="$PWD/.build/debug/closte-simulator" \
  phpunit -c wp-cli-bridge/phpunit.xml.dist

# The release: one release build, run without the toolchain, installed twice (see the script).
bash scripts/test-release.sh
