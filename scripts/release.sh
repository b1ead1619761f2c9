#!/usr/bin/env bash
# Builds the release of closte that runs on a server without Swift, and packs it:
#
#   dist/closte-<version>-linux-<arch>.tar.gz      closte-<version>-linux-<arch>/
#                                                    closte           the stripped binary
#                                                    install.sh       scripts/install.sh
#                                                    wp-cli-bridge/   the WP-CLI package (without its tests)
#                                                    README.md
#                                                    SHA256SUMS       of every file above
#   dist/closte-<version>-linux-<arch>.tar.gz.sha256
#
# The Swift standard library is linked statically (--static-swift-stdlib; closte imports no
# Foundation), so the binary needs only the system's C libraries: glibc and libstdc++. Neither
# OpenSSL nor libcurl is linked: closte loads each on first use (Sources/COpenSSLLoader, for the SSL
# check; Sources/CCurlLoader, on the first HTTP call). No RUNPATH (--disable-local-rpath): the loader
# looks in the system's folders only, never beside the binary.
#
# The build's commit, date and Swift version reach `closte version` as preprocessor definitions of
# the CBuildInfo target (-Xcc -D...), so a plain `swift build` never needs git (it says unknown / dev).
#
# It builds in .build-release/, apart from `swift build -c release`, whose flags differ.
#
# Usage: scripts/release.sh [--no-build]   (--no-build packs the last release build again)
# SOURCE_DATE_EPOCH, when set, fixes the build date and the archive's timestamps.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
for argument in "$@"; do
  case "$argument" in
    --no-build) build=0 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "release: unknown option $argument" >&2; exit 2 ;;
  esac
done

version="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Diagnostics/Version.swift)"
[ -n "$version" ] || { echo "release: no version in Sources/Diagnostics/Version.swift" >&2; exit 1; }
arch="$(uname -m)"
name="closte-$version-linux-$arch"

commit="unknown"
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit="$(git rev-parse --short=12 HEAD)"
  [ -z "$(git status --porcelain --untracked-files=no)" ] || commit="$commit-dirty"
fi
epoch="${SOURCE_DATE_EPOCH:-$(date +%s)}"
build_date="$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)"
swift_version="$(swift --version 2>&1 | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1)"

if [ "$build" = 1 ]; then
  flags=(-c release --product closte --static-swift-stdlib --disable-local-rpath)
  flags+=(
    -Xcc "-DCLOSTE_BUILD_COMMIT=\"$commit\""
    -Xcc "-DCLOSTE_BUILD_DATE=\"$build_date\""
    -Xcc "-DCLOSTE_BUILD_SWIFT=\"$swift_version\""
  )
  echo "release: building $name ($commit, $build_date, Swift $swift_version)" >&2
  start=$(date +%s)
  swift build --scratch-path .build-release "${flags[@]}" >&2
  echo "release: built in $(($(date +%s) - start)) s" >&2
fi
binary="$(swift build --scratch-path .build-release -c release --show-bin-path)/closte"
[ -x "$binary" ] || { echo "release: no release build at $binary (run without --no-build)" >&2; exit 1; }

stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage"
strip -o "$stage/closte" "$binary"
cp scripts/install.sh "$stage/install.sh"
cp README.md "$stage/README.md"
mkdir -p "$stage/wp-cli-bridge"
(cd wp-cli-bridge && tar --exclude=./tests --exclude=./vendor --exclude=./phpunit.xml.dist --exclude='./.*' -cf - .) | tar -xf - -C "$stage/wp-cli-bridge"
(cd "$stage" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | xargs sha256sum >SHA256SUMS)

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C dist -cf - "$name" | gzip -n -9 >"dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

echo "release: dist/$name.tar.gz ($(stat -c %s "dist/$name.tar.gz") bytes; binary $(stat -c %s "$stage/closte") bytes)" >&2
echo "release: the binary needs:" >&2
readelf -d "$stage/closte" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/  \1/p' >&2
echo "dist/$name.tar.gz"
