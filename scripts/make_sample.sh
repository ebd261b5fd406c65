#!/bin/bash
# Renders the bundled sample scan, corpus/samples/sample_plan.png, from one of
# the project's own plans: an A4 page at 300 dpi, turned by a degree and a
# half as a hand-fed scanner would, so the set-up command shows the whole
# pipeline (deskew, Vietnamese OCR, repair, extraction) on a realistic input.
# The committed PNG is what users run; rerun this only to change it.
#
# Usage: scripts/make_sample.sh [PLAN.txt] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
plan=${1:-corpus/plans/04_ve_sinh_moi_truong_hoa_tien_2023.txt}
out=${2:-corpus/samples/sample_plan.png}
mkdir -p "$(dirname "$out")"
# Sizes are in points (1/72 inch): an A4 page is 595 wide; 2 cm margins.
pango-view -q --dpi=300 --font="Liberation Serif 12.5" --width=480 --wrap=word \
  --margin=57 --rotate=1.5 --antialias=gray --hinting=full -o "$out" "$plan"
