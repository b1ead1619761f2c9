#!/usr/bin/env bash
# The whole test suite: the Swift tests (unit and end-to-end, against real PHP, dnsmasq,
# openssl s_server and the Closte simulator on loopback) and the WP-CLI bridge's PHPUnit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
# The release: one release build, run without the toolchain, installed twice (see the script).
bash scripts/test-release.sh
