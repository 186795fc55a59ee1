#!/usr/bin/env bash
# Installs what thads-pipeline needs on Debian/Ubuntu: the system packages for OCR and test fixtures
# (scripts/install-system-deps.sh), then its npm packages (which also builds the CLI).
# Safe to run again: system packages already present are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Tesseract and poppler (local OCR), DejaVu fonts (rendered samples and scans), Java
# (DynamoDB Local, for npm start and the local stack's tests). Only missing ones are installed.
bash scripts/install-system-deps.sh

npm ci --no-audit --no-fund
