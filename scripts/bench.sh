#!/bin/bash
# Every benchmark in one run: OCR against plain Tesseract and OCRmyPDF, the
# repair passes and the OCR-damage restorer, extraction. Each prints its own
# figures and the targets they are held to. Builds first (Release).
#
# Usage: scripts/bench.sh [ocr|repair|restorer|extract]...   (default: all)
# Env is passed through to the individual scripts (SUBSET=N for a quick OCR run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(ocr repair restorer extract)
for b in "${benches[@]}"; do
  echo "=== scripts/bench_$b.sh"
  "scripts/bench_$b.sh"
  echo
done
