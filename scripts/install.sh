#!/usr/bin/env bash
# Installs closte: the binary, its bash completion, and the WP-CLI bridge.
#
#   install.sh [--prefix=DIR] [--from=ARCHIVE] [--no-bridge]
#
#   --prefix=DIR     where the binary goes (default: ~/.local/bin, or /usr/local/bin for root)
#   --from=ARCHIVE   install from a release archive (dist/closte-<version>-linux-<arch>.tar.gz).
#                    Without it: from the release this script sits in (an unpacked archive), else
#                    from a fresh release build of the source tree it sits in (scripts/release.sh).
#   --no-bridge      install the binary only
#
# Beside the binary it writes, under DIR/../share: closte/wp-cli-bridge/ (with bin/closte linking to
# the binary, where the bridge looks first) and bash-completion/completions/closte. With `wp` on the
# PATH it installs the bridge with `wp package install`; without, it prints the `--require` line for
# wp-cli.yml. Running it again changes nothing when nothing is new. It never touches wp-config.php.
set -euo pipefail

say() { printf 'install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

prefix=""
from=""
bridge=1
for argument in "$@"; do
  case "$argument" in
    --prefix=*) prefix="${argument#--prefix=}" ;;
    --from=*) from="${argument#--from=}" ;;
    --no-bridge) bridge=0 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) say "unknown option $argument (see --help)"; exit 2 ;;
  esac
done
if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ]; then prefix=/usr/local/bin; else prefix="$HOME/.local/bin"; fi
fi
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)" # absolute, for the bridge's link to the binary
share="$(dirname "$prefix")/share"
here="$(cd "$(dirname "$0")" && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Find the release to install: an archive, the unpacked release around this script, or a fresh build.
if [ -z "$from" ] && [ -x "$here/closte" ] && [ -f "$here/SHA256SUMS" ]; then
  release="$here"
else
  if [ -z "$from" ]; then
    [ -f "$here/release.sh" ] || die "no release here: pass --from=closte-<version>-linux-<arch>.tar.gz"
    root="$(cd "$here/.." && pwd)"
    version="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' "$root/Sources/Diagnostics/Version.swift")"
    built="$root/dist/closte-$version-linux-$(uname -m)"
    # A release already built from this very commit (of a clean tree) is used again: builds are not
    # byte for byte reproducible, and a second install must change nothing.
    head="$(cd "$root" && git rev-parse --short=12 HEAD 2>/dev/null && git status --porcelain --untracked-files=no)" || head=""
    if [ -n "$head" ] && [ "$(printf '%s\n' "$head" | wc -l)" = 1 ] && [ -f "$built.tar.gz" ] && [ -x "$built/closte" ] &&
      "$built/closte" version --format=json | grep -q "\"commit\":\"$head\""; then
      say "using $built.tar.gz, built from this commit ($head)"
      from="$built.tar.gz"
    else
      say "building a release (scripts/release.sh)"
      from="$root/$(bash "$here/release.sh")"
    fi
  fi
  [ -f "$from" ] || die "no such archive: $from"
  tar -xzf "$from" -C "$work"
  release="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'closte-*' | head -n 1)"
  [ -n "$release" ] && [ -x "$release/closte" ] || die "$from is not a closte release archive"
fi
(cd "$release" && sha256sum --quiet -c SHA256SUMS) || die "the release's files do not match its SHA256SUMS"

changed=0
# Copies a file into place only when its content differs, so a second run changes nothing.
put() { # source target mode [quiet]
  if [ -f "$2" ] && cmp -s "$1" "$2"; then return 1; fi
  mkdir -p "$(dirname "$2")"
  install -m "$3" "$1" "$2.new.$$"
  mv -f "$2.new.$$" "$2"
  [ -n "${4:-}" ] || say "wrote $2"
  changed=1
}

put "$release/closte" "$prefix/closte" 0755 || true
"$prefix/closte" completion bash >"$work/completion"
put "$work/completion" "$share/bash-completion/completions/closte" 0644 || true

if [ "$bridge" = 1 ] && [ -d "$release/wp-cli-bridge" ]; then
  target="$share/closte/wp-cli-bridge"
  written=0
  while IFS= read -r file; do
    if put "$release/wp-cli-bridge/$file" "$target/${file#./}" 0644 quiet; then written=$((written + 1)); fi
  done < <(cd "$release/wp-cli-bridge" && find . -type f | LC_ALL=C sort)
  [ "$written" = 0 ] || say "wrote $written files of the WP-CLI bridge in $target"
  # Files an older release had and this one has not.
  while IFS= read -r file; do
    if [ ! -e "$release/wp-cli-bridge/$file" ]; then
      rm -f "$target/$file"
      say "removed $target/${file#./}"
      changed=1
    fi
  done < <(cd "$target" && find . -type f | LC_ALL=C sort)
  # The bridge looks for bin/closte inside its own folder before the PATH (which cron and PHP-FPM may lack).
  if [ "$(readlink "$target/bin/closte" 2>/dev/null)" != "$prefix/closte" ]; then
    mkdir -p "$target/bin"
    ln -sfn "$prefix/closte" "$target/bin/closte"
    say "linked $target/bin/closte -> $prefix/closte"
    changed=1
  fi
  command_file="$target/closte-command.php"
  if command -v wp >/dev/null 2>&1; then
    allow_root=()
    [ "$(id -u)" != 0 ] || allow_root=(--allow-root)
    package="$(sed -n 's/^ *"name": *"\([^"]*\)".*/\1/p' "$target/composer.json" 2>/dev/null | head -n 1)"
    if [ -n "$package" ] && wp package list --fields=name --format=csv "${allow_root[@]}" 2>/dev/null | grep -qxF "$package"; then
      say "WP-CLI package $package is installed already"
    elif wp package install "$target" "${allow_root[@]}" >&2; then
      say "installed the WP-CLI package from $target"
      changed=1
    else
      say "wp package install failed; load the bridge with --require instead:"
      printf '  wp --require=%s closte ...   or, in wp-cli.yml:\n  require:\n    - %s\n' "$command_file" "$command_file"
    fi
  else
    say "wp is not on the PATH; to load the bridge, add to wp-cli.yml:"
    printf 'require:\n  - %s\n' "$command_file"
    printf '(or run wp with --require=%s)\n' "$command_file"
  fi
fi

[ "$changed" = 1 ] || say "closte $("$prefix/closte" version --format=json | sed -n 's/.*"version":"\([^"]*\)".*/\1/p') is installed already at $prefix/closte: nothing changed"
case ":$PATH:" in
  *":$prefix:"*) ;;
  *) say "$prefix is not on your PATH; add it: export PATH=\"$prefix:\$PATH\"" ;;
esac
