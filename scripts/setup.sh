#!/usr/bin/env bash
# Installs what thads-pipeline needs on Debian/Ubuntu, then its npm packages (which also builds the CLI).
# Safe to run again: system packages already present are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each line: a Debian package and the test that shows it is already there.
missing=()
need() {
  local package=$1
  shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
# Vietnamese glyphs for the PDFs the tests and samples render.
need fonts-dejavu-core test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

if ((${#missing[@]} > 0)); then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
