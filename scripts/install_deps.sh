#!/bin/bash
# Installs vnplan's dependencies from Debian 12's packages. Idempotent: when
# every package is already present it returns at once without touching apt,
# so the build and test scripts can call it on every run. Needs root (or sudo)
# only when something is missing.
set -euo pipefail

packages=(
  # Build
  build-essential cmake pkg-config
  # OCR: Tesseract with Vietnamese and orientation data, Leptonica, Poppler for PDFs
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd
  libpoppler-cpp-dev
  # Repair, segmentation, extraction, JSON
  libicu-dev libre2-dev nlohmann-json3-dev
  # Tests: GoogleTest; jsonschema validates every JSON the suite writes against docs/schema
  libgtest-dev python3 python3-jsonschema
  # Fixture and sample rendering (scripts/make_*.sh), PDF tools for tests
  pango1.0-tools fonts-dejavu-core fonts-liberation2 poppler-utils
  # Benchmarks against the peers users would pick instead, and model training:
  # Tesseract's English model produces the OCR damage the repair model learns,
  # hunspell-vi and fcitx5-bamboo list Vietnamese syllables.
  # (unpaper is what OCRmyPDF's --clean runs; bc does the benchmarks' arithmetic.)
  ocrmypdf unpaper bc tesseract-ocr-eng hunspell-vi fcitx5-bamboo
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install_deps: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
