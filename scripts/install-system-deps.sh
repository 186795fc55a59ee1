#!/usr/bin/env bash
# Installs the Debian packages local OCR and the scan fixtures need, only those missing:
#   tesseract-ocr, tesseract-ocr-vie  Tesseract and its Vietnamese model (local OCR engine)
#   poppler-utils                     pdfinfo and pdftoppm (page count, rasterising PDFs at 300 dpi)
#   libtiff-tools                     tiffsplit (multi-page TIFF into pages for parallel OCR)
#   fonts-dejavu-core                 a font with Vietnamese glyphs (scripts/make-scans.ts)
#   chromium, fonts-noto-core         headless browser for the console's end-to-end tests and bench
#                                     (driven by playwright-core at /usr/bin/chromium; no browser download)
#   default-jre-headless              Java for DynamoDB Local (the local stack), only when no java is on PATH
# Safe to run again: when everything is present it changes nothing and needs no network.
# Runs as root, or through sudo when available.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-vie poppler-utils libtiff-tools fonts-dejavu-core chromium fonts-noto-core)
# Any Java 17+ runs DynamoDB Local; Debian's default JRE only when none is installed.
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "system deps: missing ${missing[*]}; run this script as root or install sudo" >&2
  exit 1
fi

echo "system deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
