#!/usr/bin/env bash
# Installs what closte's build and tests need from Debian's packages. Idempotent: does nothing when
# everything is there already. Needs root (or sudo) only when something is missing.
set -euo pipefail

# OpenSSL's headers (libssl-dev) for the build: closte loads libssl.so.3 on first use, nothing links it.
packages=(php-cli phpunit dnsmasq-base openssl libssl-dev ca-certificates)
# libcurl itself, which closte loads on its first HTTP call (no headers needed: closte links no
# libcurl), and for the release build (scripts/release.sh) strip and readelf.
packages+=(libcurl4 binutils)
commands=(php phpunit dnsmasq openssl strip readelf unshare)
# Debian's python3 at /usr/bin/python3: the HTTP limits tests read closte's peak memory through it.
packages+=(python3)

# The IDNA oracle (IDNACorpusTests): PyPI's idna, the version scripts/idna-oracle.py wrote the corpus
# with. Installed for the user with pip; Debian's python3-idna is older.
idna_version=3.13
if ! python3 -c "import idna, sys; sys.exit(idna.__version__ != '$idna_version')" 2>/dev/null; then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    packages+=(python3 python3-pip)
    commands+=(pip3)
  fi
  install_idna=1
fi

install_idna() {
  local pip=(python3 -m pip install --quiet --disable-pip-version-check "idna==$idna_version")
  "${pip[@]}" 2>/dev/null || "${pip[@]}" --user 2>/dev/null || "${pip[@]}" --user --break-system-packages
}

missing=0
for command in "${commands[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing=1
done
[ -f /usr/include/openssl/ssl.h ] || missing=1
ldconfig -p 2>/dev/null | grep -q 'libcurl.so.4 ' || missing=1
[ -x /usr/bin/python3 ] || missing=1
[ "$missing" = 1 ] || { [ -z "${install_idna:-}" ] || install_idna; exit 0; }

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root, or install: ${packages[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
[ -z "${install_idna:-}" ] || install_idna
